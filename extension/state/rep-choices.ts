import type { RepSummary } from '../../shared/schemas/team.ts';

export interface RepChoice {
  id: string;
  label: string;
  /** The server refuses a push to a rep at their cap, so the picker does not offer one. */
  full: boolean;
  away: boolean;
}

type RepRow = Pick<RepSummary, 'userId' | 'name' | 'openLeads' | 'capacity' | 'away' | 'awayUntil'>;

/** "Mon 9 Mar", in the team lead's own time zone. */
export const shortDay = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** What an away rep's pill says: back on a day, or away until further notice. */
export const awayLabel = (rep: Pick<RepSummary, 'away' | 'awayUntil'>): string | null =>
  rep.away ? (rep.awayUntil ? `away until ${shortDay(rep.awayUntil)}` : 'away') : null;

/**
 * The reps a team lead may push a lead to, read from the summary's rows so that load and away
 * are the ones routing sees now. A team lead may still hand a lead to an away rep on purpose,
 * so away reps stay in the list, labelled.
 */
export function repChoices(rows: readonly RepRow[], activeRepIds: ReadonlySet<string>): RepChoice[] {
  return rows
    .filter((r) => activeRepIds.has(r.userId))
    .map((r) => {
      const full = r.openLeads >= r.capacity;
      const notes = [awayLabel(r), full ? 'full' : null].filter((n) => n !== null);
      return { id: r.userId, away: r.away, full, label: `${r.name} (${r.openLeads}/${r.capacity})${notes.length ? ` · ${notes.join(', ')}` : ''}` };
    });
}
