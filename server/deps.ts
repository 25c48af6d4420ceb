import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Repos } from './repos/index.ts';
import type { Store } from './store/types.ts';

export interface Settings {
  /** Hours a rep has to contact a lead after it is assigned. */
  contactByHours: number;
  /** Phone region for numbers written without a country code. */
  defaultRegion: string;
  /** Waits before each retry of a failed webhook delivery; its length is the number of retries. */
  webhookRetryMs?: readonly number[];
  /** Express's `trust proxy` (TRUST_PROXY): false, a hop count, or the proxies' addresses. */
  trustProxy?: false | number | string;
  /** The web-to-lead rate limits; the defaults are in web-to-lead.ts. */
  formLimits?: { perIp: number; perForm: number; windowMs: number };
}

/** Everything a service needs from the outside world, passed in so tests use real values. */
export interface Deps {
  store: Store;
  repos: Repos;
  now: () => Date;
  log: Logger;
  settings: Settings;
  metrics: Metrics;
}
