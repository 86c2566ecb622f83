import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { backupDatabase } from '../db/backup.js';

/** `npm run backup [-- <destination>]`: an online copy of DATABASE_FILE, safe while serving. */
async function main(): Promise<void> {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const destination = process.argv[2] ?? join(config.dataDir, 'backups', `helhed-${stamp}.sqlite`);
  const result = await backupDatabase(config.databaseFile, destination);
  console.log(
    `Backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok).`,
  );
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
});
