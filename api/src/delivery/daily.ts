import { CALENDAR_TIME_ZONE, copenhagenDate } from '../domain/calendar.js';
import type { Logger } from '../observability/logger.js';

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: CALENDAR_TIME_ZONE,
  hour: 'numeric',
  hourCycle: 'h23',
});

/** The hour (0–23) on Copenhagen's clock at an instant, daylight saving included. */
export function copenhagenHour(at: Date): number {
  return Number(hourFormat.format(at));
}

export interface DailySchedule {
  /** Runs the day's jobs if the hour has come and this process has not run them today. */
  tick(): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Once a day at a fixed Copenhagen hour (DAILY_REMINDER_HOUR), by the injected clock. Each
 * instance runs the jobs; their outbox dedupe keys make the messages once per day whatever
 * the number of instances, and a restart later that day finds them already enqueued.
 */
export function createDailySchedule(options: {
  hour: number;
  now: () => Date;
  run: (now: Date) => Promise<void>;
  logger: Logger;
  checkMs?: number;
}): DailySchedule {
  const checkMs = options.checkMs ?? 60_000;
  let lastRunOn: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const tick = async (): Promise<boolean> => {
    const at = options.now();
    const today = copenhagenDate(at);
    if (running || lastRunOn === today || copenhagenHour(at) < options.hour) return false;
    running = options.run(at).finally(() => {
      running = null;
    });
    await running;
    // Only a completed run counts: after a failure the next check tries again the same day.
    lastRunOn = today;
    return true;
  };

  const loop = async () => {
    try {
      await tick();
    } catch (error) {
      options.logger.error({ event: 'daily.failed', kind: (error as Error)?.name }, 'daily jobs failed');
    }
    if (stopped) return;
    timer = setTimeout(() => void loop(), checkMs);
    timer.unref();
  };

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      void loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
