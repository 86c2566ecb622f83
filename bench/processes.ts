import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  pid: number;
  url: string;
  /** Peak and last resident set size seen, in MB. */
  memory(): { peakMb: number; lastMb: number };
  stop(): Promise<void>;
  /** Ends it at once (for exit paths that cannot wait). */
  kill(): void;
}

/** VmRSS of a process in MB, or null once it has gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts a server as its own Node process and waits until it prints its URL. Its output is
 * kept (and shown if it fails to start); its memory is sampled while it runs.
 */
export function startServer(
  name: string,
  args: string[],
  /** Added to this process's environment; `undefined` removes a variable. */
  env: Record<string, string | undefined>,
  urlPattern: RegExp,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, args, {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start (${why}). Its output:\n${output}`));
    };
    const timer = setTimeout(() => fail(`no URL within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('exit', (code) => fail(`exited with ${code}`));
    const watch = (chunk: Buffer) => {
      const match = urlPattern.exec(output + chunk.toString());
      if (!match?.[1] || child.pid === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.off('data', watch);
      resolve(running(child, child.pid, match[1]));
    };
    child.stdout?.on('data', watch);
  });
}

function running(child: ChildProcess, pid: number, url: string): ServerProcess {
  let peakMb = 0;
  let lastMb = 0;
  const sample = () => {
    const mb = rssMb(pid);
    if (mb === null) return;
    lastMb = mb;
    peakMb = Math.max(peakMb, mb);
  };
  sample();
  const sampler = setInterval(sample, 250);
  return {
    pid,
    url,
    memory: () => {
      sample();
      return { peakMb, lastMb };
    },
    kill: () => {
      clearInterval(sampler);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    stop: () =>
      new Promise((resolve) => {
        clearInterval(sampler);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        // Not unref'd: a server still draining a backlog must not keep the benchmark waiting.
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => clearTimeout(killer));
      }),
  };
}
