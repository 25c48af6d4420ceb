import { SCORE_VERSION } from '../../shared/scoring/score.ts';
import { MIN_OUTCOMES } from '../../shared/schemas/scoring.ts';
import type { Deps } from '../deps.ts';
import { currentModel, outcomeCount, rescoreAll, trainModel } from './scoring.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The nightly scoring run, checked every hour: once a day (after `hour` o'clock, server time,
 * UTC) it retrains the model when the team has enough outcomes, and rescores every lead so that
 * engagement decays even on leads nobody touched.
 */
export function startScoringSchedule(deps: Deps, options: { everyMs?: number; hour?: number } = {}): () => void {
  const { everyMs = HOUR, hour = 2 } = options;
  let lastRun = currentModel(deps)?.trainedAt ? Date.parse(currentModel(deps)?.trainedAt ?? '') : 0;
  let running = false;
  const tick = async () => {
    const now = deps.now();
    if (running || now.getTime() - lastRun < DAY - HOUR || now.getUTCHours() < hour) return;
    running = true;
    try {
      lastRun = now.getTime();
      if (outcomeCount(deps) >= MIN_OUTCOMES) {
        const result = await trainModel(deps, 'system');
        if (result.trained) return;
        deps.log.info('nightly training skipped', { message: result.message });
      }
      await rescoreAll(deps, undefined, { by: 'system', note: 'nightly rescore: engagement fades with time' });
    } catch (err) {
      deps.log.error('nightly scoring failed', { err: String(err) });
    } finally {
      running = false;
    }
  };
  // Scores written by an older version of the rules engine are brought up to date once, at start.
  for (const lead of deps.store.values('leads')) {
    if (lead.score.version >= SCORE_VERSION) continue;
    running = true;
    rescoreAll(deps, undefined, { by: 'system', note: 'the scoring engine was updated' })
      .then(({ changed }) => deps.log.info('rescored leads scored by an older version', { changed }))
      .catch((err: unknown) => deps.log.error('rescoring older scores failed', { err: String(err) }))
      .finally(() => (running = false));
    break;
  }
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
