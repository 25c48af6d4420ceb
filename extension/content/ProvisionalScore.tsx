import { reasonLines } from '../../shared/scoring/explain.ts';
import type { ProvisionalScore as Provisional } from '../../shared/schemas/provisional.ts';

const RULES_WORDS: Record<Provisional['rules'], string> = {
  team: 'with your team’s fit rules',
  default: 'with the default fit rules (only team leads can read the team’s)',
  offline: 'with the default fit rules (the Leadsync server could not be asked for the team’s)',
};

/**
 * The score the contact would get if saved now, labelled as provisional: the server's score,
 * with the team's model and company data, replaces it once the lead is saved.
 */
export function ProvisionalScore({ score }: { score: Provisional | undefined }) {
  if (!score) return null;
  const lines = reasonLines([...score.up, ...score.down]);
  return (
    <section class="provisional" data-testid="provisional-score" data-total={score.total} data-grade={score.grade} data-rules={score.rules} aria-live="polite">
      <div class="provisional-head">
        <span class={`grade grade-${score.grade.toLowerCase()}`}>
          {score.grade} {score.total}
        </span>
        <strong>Provisional score</strong>
      </div>
      <p class="provisional-note">
        Estimated from these fields {RULES_WORDS[score.rules]}. The server scores the lead when you save it.
      </p>
      {lines.length > 0 && (
        <ul class="reasons">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
