import type { Deps } from '../deps.ts';

const HOUR = 3600_000;

/** Housekeeping that runs on a timer in the server process: it never keeps the process alive. */
export function startMaintenance(deps: Deps, everyMs = HOUR): () => void {
  const run = () => {
    deps.store
      .transact((tx) => deps.repos.idempotency.prune(tx, deps.now()))
      .then((n) => {
        if (n > 0) deps.log.info('pruned idempotency keys', { count: n });
      })
      .catch((err: unknown) => deps.log.error('maintenance failed', { err: String(err) }));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
