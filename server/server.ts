import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, MAX_HEADER_BYTES } from './app.ts';
import type { Deps, Settings } from './deps.ts';
import type { Logger } from './log.ts';
import { createRepos } from './repos/index.ts';
import { LowdbStore } from './store/lowdb-store.ts';
import { Metrics } from './metrics.ts';
import type { Durability } from './store/snapshot-file.ts';
import { bootstrapAdmin } from './services/users.ts';
import { startMaintenance } from './services/maintenance.ts';
import { startScoringSchedule } from './services/scoring-schedule.ts';
import { startWebhooks } from './services/webhook-dispatch.ts';
import { startSlaTimer } from './services/routing-sla.ts';

export interface ServerOptions {
  dataDir: string;
  host: string;
  port: number;
  log: Logger;
  adminToken?: string | undefined;
  durability?: Durability;
  settings?: Partial<Settings>;
  now?: () => Date;
  /** How often the nightly scoring run checks whether it is due (tests shorten it). */
  scoringCheckMs?: number;
  /** How often lapsed contact-by deadlines are swept (one sweep always runs at start). */
  slaSweepMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /** The first admin's token when this start created it without LEADSYNC_ADMIN_TOKEN. */
  generatedAdminToken: string | undefined;
  close(): Promise<void>;
}

/** Opens the store and listens. Used by `leadsync serve` and by the integration tests. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await LowdbStore.open({ dir: options.dataDir, durability: options.durability ?? 'rename' });
  const deps: Deps = {
    store,
    repos: createRepos(store),
    now: options.now ?? (() => new Date()),
    log: options.log,
    settings: { contactByHours: 24, defaultRegion: 'US', ...options.settings },
    metrics: new Metrics(),
  };
  let server: Server | undefined;
  let boot: Awaited<ReturnType<typeof bootstrapAdmin>> = null;
  try {
    boot = await bootstrapAdmin(deps, options.adminToken);
    const app = createApp(deps);
    server = await new Promise<Server>((resolve, reject) => {
      const s = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
      s.once('error', reject);
      s.listen(options.port, options.host, () => resolve(s));
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const listening = server;
  const stopMaintenance = startMaintenance(deps);
  const stopScoring = startScoringSchedule(deps, options.scoringCheckMs !== undefined ? { everyMs: options.scoringCheckMs } : {});
  const stopWebhooks = startWebhooks(deps);
  const stopSla = startSlaTimer(deps, options.slaSweepMs);
  listening.keepAliveTimeout = 5_000;
  const { port } = listening.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    deps,
    generatedAdminToken: boot?.generated ? boot.token : undefined,
    close() {
      closing ??= (async () => {
        stopMaintenance();
        deps.metrics.stop();
        stopScoring();
        stopWebhooks();
        stopSla();
        await new Promise<void>((resolve) => {
          listening.close(() => resolve());
          listening.closeIdleConnections();
        });
        await store.close();
      })();
      return closing;
    },
  };
}
