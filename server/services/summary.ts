import { FUNNEL_STAGES } from '../../shared/pipeline.ts';
import { isAwayAt } from '../../shared/routing/eligibility.ts';
import { LEAD_STATUSES, SOURCE_KINDS } from '../../shared/schemas/lead.ts';
import type { RepSummary, TeamSummary } from '../../shared/schemas/team.ts';
import { repSettingsOf } from '../../shared/schemas/user.ts';
import type { Deps } from '../deps.ts';
import { SummaryIndex } from '../repos/summary.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The team lead's summary, read from counters kept by `SummaryIndex`: its cost grows with the
 * number of reps, days and hours, not with the number of leads.
 */
export function teamSummary(deps: Deps): TeamSummary {
  const index = deps.repos.summary;
  const now = deps.now();
  const nowMs = now.getTime();
  const nowHour = Math.floor(nowMs / HOUR);

  const age = { underHour: 0, underDay: 0, underWeek: 0, older: 0 };
  let depth = 0;
  let oldestHour: number | undefined;
  for (const [hour, n] of index.queueByHour) {
    depth += n;
    if (oldestHour === undefined || hour < oldestHour) oldestHour = hour;
    const waited = nowHour - hour;
    if (waited < 1) age.underHour += n;
    else if (waited < 24) age.underDay += n;
    else if (waited < 24 * 7) age.underWeek += n;
    else age.older += n;
  }

  const week = SummaryIndex.lastDays(now, 7);
  const today = week.at(-1) ?? '';
  const byGrade = { A: 0, B: 0, C: 0, D: 0 };
  const bySource = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as TeamSummary['scoreMix']['bySource'];
  let weekNew = 0;
  for (const day of week) {
    const counts = index.createdByDay.get(day);
    if (!counts) continue;
    weekNew += counts.total;
    for (const g of ['A', 'B', 'C', 'D'] as const) byGrade[g] += counts.grade[g];
    for (const k of SOURCE_KINDS) bySource[k] += counts.source[k] ?? 0;
  }

  // A deadline still open and past counts now, and on the day it lapsed.
  // Days as numbers (days since 1970, UTC): cheap to compare for every open deadline.
  const openLapsedByDay = new Map<number, number>();
  let breachedNow = 0;
  for (const deadline of index.deadlines.values()) {
    if (deadline >= nowMs) continue;
    breachedNow++;
    const day = Math.floor(deadline / DAY);
    openLapsedByDay.set(day, (openLapsedByDay.get(day) ?? 0) + 1);
  }
  const lastSevenDays = week.map((day) => ({ day, count: (index.lapsedByDay.get(day) ?? 0) + (openLapsedByDay.get(Date.parse(day) / DAY) ?? 0) }));

  const reps: RepSummary[] = [];
  for (const user of deps.repos.users.list()) {
    const openLeads = deps.repos.leads.openCount(user.id);
    if (!user.active || (user.role !== 'rep' && openLeads === 0)) continue;
    // The same test routing uses, so an away-until that has passed shows the rep as back.
    const settings = repSettingsOf(user);
    const away = isAwayAt(settings, now);
    reps.push({
      userId: user.id,
      name: user.name,
      role: user.role,
      openLeads,
      capacity: user.capacity,
      contactedToday: index.contactedOn(user.id, today),
      conversions: index.conversionsByOwner.get(user.id) ?? 0,
      medianMinutesToFirstContact: index.medianFirstContact(user.id),
      away,
      awayUntil: away ? settings.awayUntil : null,
    });
  }

  const byStatus = Object.fromEntries(LEAD_STATUSES.map((s) => [s, index.byStatus.get(s) ?? 0])) as TeamSummary['funnel']['byStatus'];
  const reached = FUNNEL_STAGES.map((_, i) => index.furthestCounts.slice(i).reduce((a, b) => a + b, 0));
  const stages = FUNNEL_STAGES.map((stage, i) => {
    const here = reached[i] ?? 0;
    const next = reached[i + 1];
    return { stage, reached: here, toNext: next === undefined || here === 0 ? null : Math.round((next / here) * 1000) / 1000 };
  });

  return {
    at: now.toISOString(),
    queue: { depth, oldestMinutes: oldestHour === undefined ? null : Math.max(0, (nowHour - oldestHour) * 60), age },
    newLeads: { today: index.createdByDay.get(today)?.total ?? 0, week: weekNew },
    sla: { breachedNow, lastSevenDays, weekTotal: lastSevenDays.reduce((a, d) => a + d.count, 0) },
    reps,
    funnel: { byStatus, stages },
    scoreMix: { byGrade, bySource },
  };
}
