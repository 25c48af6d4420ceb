/** What happened to a lead last, in the words a rep uses: "captured" for a new one. */
const STATUS_WORDS: Record<string, string> = {
  new: 'captured',
  assigned: 'assigned',
  contacted: 'contacted',
  qualified: 'qualified',
  converted: 'converted',
  lost: 'lost',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "2 days ago", "4 months ago". */
export function timeAgo(iso: string, now: Date): string | undefined {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  const ms = Math.max(0, now.getTime() - at);
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return count(Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return count(Math.floor(ms / HOUR), 'hour');
  if (ms < 2 * DAY) return 'yesterday';
  if (ms < 30 * DAY) return count(Math.floor(ms / DAY), 'day');
  if (ms < 365 * DAY) return count(Math.floor(ms / (30 * DAY)), 'month');
  return count(Math.floor(ms / (365 * DAY)), 'year');
}

/** The first line of a known lead's badge hover: "owned by Ana · contacted 2 days ago". */
export function badgeSummary(lead: { ownerName?: string | undefined; status: string; statusSince?: string | undefined }, now: Date): string {
  const owner = lead.ownerName ? `owned by ${lead.ownerName}` : lead.status === 'new' ? 'in the queue' : 'no owner';
  const word = STATUS_WORDS[lead.status] ?? lead.status;
  const ago = lead.statusSince ? timeAgo(lead.statusSince, now) : undefined;
  return `${owner} · ${ago ? `${word} ${ago}` : word}`;
}
