import { resolve } from 'node:path';
import { loadEnv } from '../env.ts';
import { createLogger } from '../log.ts';
import { startServer } from '../server.ts';
import { StoreLockedError } from '../store/lock.ts';

/** `leadsync serve`: the server in this process until SIGTERM or SIGINT, which flush the store. */
export async function serve(onReady?: (url: string) => void): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const dataDir = resolve(env.DATA_DIR);
  let server;
  try {
    server = await startServer({
      dataDir,
      host: env.HOST,
      port: env.PORT,
      log,
      adminToken: env.LEADSYNC_ADMIN_TOKEN,
      durability: env.DURABILITY,
      settings: { contactByHours: env.CONTACT_BY_HOURS, defaultRegion: env.DEFAULT_REGION, trustProxy: env.TRUST_PROXY },
    });
  } catch (err) {
    if (err instanceof StoreLockedError || (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`leadsync: ${(err as Error).message}\n`);
      process.exit(1);
    }
    throw err;
  }
  log.info('listening', { url: server.url, dataDir, durability: env.DURABILITY });
  process.stdout.write(`Leadsync server listening on ${server.url} (data in ${dataDir})\n`);
  if (server.generatedAdminToken) {
    process.stdout.write(
      `\nFirst start: an admin was created. Its token is shown only this once:\n\n  ${server.generatedAdminToken}\n\nPaste it into the extension's options with the server URL above.\n\n`,
    );
  }
  onReady?.(server.url);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('could not flush the store', { err: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
