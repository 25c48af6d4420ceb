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

const signed = (p: number) => (p > 0 ? `+${p}` : `${p}`);

/** Plain text for a tooltip: one reason a line, highest first, then what lowers the score. */
export function explainText(score: Pick<Score, 'reasons' | 'total' | 'grade'>, n = 3): string {
  const { up, down } = topReasons(score, n);
  const lines = [`Score ${score.total} (grade ${score.grade})`];
  for (const r of up) lines.push(`${signed(r.points)} ${r.label}`);
  for (const r of down) lines.push(`${signed(r.points)} ${r.label}`);
  return lines.join('\n');
}
