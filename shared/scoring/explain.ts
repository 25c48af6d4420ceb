import type { Score, ScoreReason } from '../schemas/lead.ts';

export interface Explanation {
  up: ScoreReason[];
  down: ScoreReason[];
}

/** The reasons that raise the score most and those that lower it most, `n` of each. */
export function topReasons(score: Pick<Score, 'reasons'>, n = 3): Explanation {
  const up = score.reasons.filter((r) => r.points > 0).sort((a, b) => b.points - a.points).slice(0, n);
  const down = score.reasons.filter((r) => r.points < 0).sort((a, b) => a.points - b.points).slice(0, n);
  return { up, down };
}

export const signedPoints = (p: number): string => (p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '0');

/** One line a reason, as a tooltip shows them: `+18 Vice president title`. */
export const reasonLines = (reasons: readonly Pick<ScoreReason, 'label' | 'points'>[]): string[] => reasons.map((r) => `${signedPoints(r.points)} ${r.label}`);

/** Plain text for a tooltip: one reason a line, highest first, then what lowers the score. */
export function explainText(score: Pick<Score, 'reasons' | 'total' | 'grade'>, n = 3): string {
  const { up, down } = topReasons(score, n);
  return [`Score ${score.total} (grade ${score.grade})`, ...reasonLines([...up, ...down])].join('\n');
}
