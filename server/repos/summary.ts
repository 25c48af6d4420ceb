import { FUNNEL_STAGES, OPEN_STATUSES, stageIndex } from '../../shared/pipeline.ts';
import { CONTACT_TYPES, type Activity } from '../../shared/schemas/activity.ts';
import { LEAD_STATUSES, SOURCE_KINDS, type Grade, type LeadStatus } from '../../shared/schemas/lead.ts';
import type { HistoryEntry, LeadRecord, Store } from '../store/types.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** First contacts kept per rep for the median: recent enough to show today's habits. */
export const FIRST_CONTACT_SAMPLES = 200;

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const hourOf = (iso: string): number => Math.floor(Date.parse(iso) / HOUR);

interface DayCounts {
  total: number;
  grade: Record<Grade, number>;
  source: Record<string, number>;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m);
};

const bump = <K>(map: Map<K, number>, key: K, by: number): void => {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
};

/**
 * The counters behind `team.summary`, kept up to date from every change to leads, activities and
 * history, so a summary costs the same at 100 leads as at 100,000: it reads days, hours and reps,
 * never the leads themselves.
 */
export class SummaryIndex {
  readonly byStatus = new Map<LeadStatus, number>(LEAD_STATUSES.map((s) => [s, 0]));
  /** Unassigned new leads by the hour they were created. */
  readonly queueByHour = new Map<number, number>();
  /** Every lead by the day it was created, with its current grade and its source. */
  readonly createdByDay = new Map<string, DayCounts>();
  /** Open leads that still have a contact-by deadline: lead id → deadline (ms). */
  readonly deadlines = new Map<string, number>();
  /** Deadlines that lapsed before they were met, by the day they lapsed (from history). */
  readonly lapsedByDay = new Map<string, number>();
  readonly conversionsByOwner = new Map<string, number>();
  /** The furthest funnel stage each lead reached, and how many leads stopped at each. */
  private readonly furthest = new Map<string, number>();
  readonly furthestCounts: number[] = FUNNEL_STAGES.map(() => 0);
  /** `${userId}|${day}` → the leads that rep reached out to that day. */
  private readonly contactedByDay = new Map<string, Set<string>>();
  /** Leads waiting for their owner's first contact: lead id → owner and when it was given. */
  private readonly awaitingContact = new Map<string, { ownerId: string; at: number }>();
  /** Minutes from assignment to first contact, the most recent last, per rep. */
  readonly firstContactMinutes = new Map<string, number[]>();
  /** Medians already worked out: a summary reads every rep's, far more often than a sample arrives. */
  private readonly medianCache = new Map<string, number | null>();

  constructor(store: Store) {
    store.onChange('leads', (prev, next) => {
      if (prev) this.count(prev, -1);
      if (next) {
        this.count(next, 1);
        this.reach(next.id, stageIndex(next.status));
      } else if (prev) {
        const stage = this.furthest.get(prev.id);
        if (stage !== undefined) this.furthestCounts[stage] = (this.furthestCounts[stage] ?? 0) - 1;
        this.furthest.delete(prev.id);
      }
    });
    // History is replayed at start too, so stages passed and deadlines missed survive a restart.
    store.onChange('history', (prev, next) => {
      if (!prev && next) this.fromHistory(next);
    });
    store.onChange('activities', (prev, next) => {
      if (!prev && next) this.fromActivity(next);
    });
  }

  private count(lead: LeadRecord, by: 1 | -1): void {
    bump(this.byStatus, lead.status, by);
    if (!this.byStatus.has(lead.status)) this.byStatus.set(lead.status, 0);
    if (!lead.ownerId && lead.status === 'new') bump(this.queueByHour, hourOf(lead.createdAt), by);
    const day = lead.createdAt.slice(0, 10);
    const counts = this.createdByDay.get(day) ?? { total: 0, grade: { A: 0, B: 0, C: 0, D: 0 }, source: Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) };
    counts.total += by;
    counts.grade[lead.score.grade] += by;
    counts.source[lead.source.kind] = (counts.source[lead.source.kind] ?? 0) + by;
    this.createdByDay.set(day, counts);
    if (by === 1 && lead.contactBy && lead.ownerId && OPEN_STATUSES.has(lead.status)) this.deadlines.set(lead.id, Date.parse(lead.contactBy));
    if (by === -1) this.deadlines.delete(lead.id);
    if (lead.status === 'converted' && lead.ownerId) bump(this.conversionsByOwner, lead.ownerId, by);
  }

  private reach(leadId: string, stage: number): void {
    const before = this.furthest.get(leadId);
    const after = Math.max(before ?? 0, stage);
    if (before === after) return;
    if (before !== undefined) this.furthestCounts[before] = (this.furthestCounts[before] ?? 0) - 1;
    this.furthestCounts[after] = (this.furthestCounts[after] ?? 0) + 1;
    this.furthest.set(leadId, after);
  }

  private fromHistory(entry: HistoryEntry): void {
    for (const change of entry.changes) {
      if (change.field === 'status' && typeof change.from === 'string') this.reach(entry.leadId, stageIndex(change.from as LeadStatus));
      if (change.field === 'contactBy' && typeof change.from === 'string' && change.from < entry.at) bump(this.lapsedByDay, change.from.slice(0, 10), 1);
    }
    // Whoever receives a lead, by Next lead, by hand or by a routing rule, owes it a first contact;
    // a lead returned to the queue owes nobody.
    if (entry.action === 'claimed' || entry.action === 'assigned' || entry.action === 'routed') {
      const owner = entry.changes.find((c) => c.field === 'ownerId')?.to;
      if (typeof owner === 'string') this.awaitingContact.set(entry.leadId, { ownerId: owner, at: Date.parse(entry.at) });
    } else if (entry.action === 'returned') {
      this.awaitingContact.delete(entry.leadId);
    }
  }

  private fromActivity(activity: Activity): void {
    if (!CONTACT_TYPES.has(activity.type)) return;
    const key = `${activity.userId}|${activity.at.slice(0, 10)}`;
    const leads = this.contactedByDay.get(key) ?? new Set<string>();
    leads.add(activity.leadId);
    this.contactedByDay.set(key, leads);
    const waiting = this.awaitingContact.get(activity.leadId);
    const at = Date.parse(activity.at);
    if (waiting && waiting.ownerId === activity.userId && at >= waiting.at) {
      const samples = this.firstContactMinutes.get(activity.userId) ?? [];
      samples.push((at - waiting.at) / 60_000);
      if (samples.length > FIRST_CONTACT_SAMPLES) samples.shift();
      this.firstContactMinutes.set(activity.userId, samples);
      this.medianCache.delete(activity.userId);
      this.awaitingContact.delete(activity.leadId);
    }
  }

  /** The median of a rep's recent first contacts, in whole minutes; kept until their next sample. */
  medianFirstContact(userId: string): number | null {
    const cached = this.medianCache.get(userId);
    if (cached !== undefined) return cached;
    const m = median(this.firstContactMinutes.get(userId) ?? []);
    this.medianCache.set(userId, m);
    return m;
  }

  contactedOn(userId: string, day: string): number {
    return this.contactedByDay.get(`${userId}|${day}`)?.size ?? 0;
  }

  /** The last `days` days ending today (UTC), oldest first. */
  static lastDays(now: Date, days: number): string[] {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return Array.from({ length: days }, (_, i) => dayOf(today - (days - 1 - i) * DAY));
  }
}
