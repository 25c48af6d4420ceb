import type { ScoringRule } from '../types.ts';

const DAY = 86_400_000;

/** Activities add points that halve every `halfLifeDays`; a long silence costs points too. */
export const engagementRule: ScoringRule = {
  id: 'engagement',
  group: 'engagement',
  evaluate({ activities, now, rules }) {
    if (activities.length === 0) return null;
    const { halfLifeDays, points, inactivityDays, inactivityPoints } = rules.engagement;
    let sum = 0;
    let last = -Infinity;
    for (const a of activities) {
      const base =
        a.type === 'meeting' ? points.meeting
        : a.type === 'call' ? (a.outcome === 'connected' ? points.callConnected : points.callOther)
        : a.type === 'email' ? (a.outcome === 'replied' ? points.emailReplied : points.email)
        : a.type === 'note' ? points.note
        : 0;
      const at = Math.min(now.getTime(), Date.parse(a.at));
      last = Math.max(last, at);
      sum += base * 0.5 ** ((now.getTime() - at) / DAY / halfLifeDays);
    }
    const n = activities.length;
    const earned = Math.round(sum);
    const hits = [{ label: `${n} activit${n === 1 ? 'y' : 'ies'}, recent ones weigh most (half-life ${halfLifeDays} days)`, points: earned }];
    const idleDays = Math.floor((now.getTime() - last) / DAY);
    if (idleDays >= inactivityDays && inactivityPoints > 0 && earned > 0) {
      hits.push({ label: `No activity for ${idleDays} days`, points: -Math.min(inactivityPoints, earned) });
    }
    return hits;
  },
};
