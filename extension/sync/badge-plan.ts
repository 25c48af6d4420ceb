/** What the toolbar button says: follow-ups due, and whether writes wait to sync or need the rep. */
export interface BadgeInput {
  due: number;
  waiting: number;
  /** Edits that met someone else's change, and writes the server refused: both need the rep. */
  needsYou: number;
  offline: boolean;
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const RED = '#b42318';
const AMBER = '#b54708';
const cap = (n: number) => (n > 99 ? '99+' : String(n));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The badge shows follow-ups due first, as before; a mark beside them says writes wait ("↑") or
 * need a choice ("!"). With nothing due, the mark carries the count of waiting writes. Amber
 * whenever something waits, so a rep sees at a glance the two are not the same number.
 */
export function badgeFor({ due, waiting, needsYou, offline }: BadgeInput): Badge {
  const mark = needsYou > 0 ? '!' : waiting > 0 ? '↑' : '';
  const text = due > 0 ? `${cap(due)}${mark}` : mark === '↑' ? `↑${cap(waiting)}` : mark;
  const lines = [
    ...(due > 0 ? [`${plural(due, 'follow-up', 'follow-ups')} due`] : []),
    ...(waiting > 0 ? [`${waiting} waiting to sync${offline ? ' (server not reachable)' : ''}`] : []),
    ...(needsYou > 0 ? [`${plural(needsYou, 'change needs', 'changes need')} your attention`] : []),
  ];
  return { text, color: mark ? AMBER : RED, title: lines.length === 0 ? 'Leadsync' : `Leadsync: ${lines.join(' · ')}` };
}
