import { computed, signal } from '@preact/signals';
import { hasRole } from '../../shared/roles.ts';
import type { Activity } from '../../shared/schemas/activity.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { LeadDetail, Me } from '../background/handlers.ts';
import type { Send } from '../content/scanner.ts';
import { baseOf } from '../sync/conflict-plan.ts';

export type HistoryEntry = LeadDetail['history'][number];
export type Notice = { tone: 'info' | 'error' | 'ok'; text: string; action?: 'options' };
export type Tab = 'lead' | 'leads' | 'team';
export type ActivityDraft = { type: Activity['type']; outcome?: string; note?: string; followUpAt?: string };
export type Patch = Partial<Record<'name' | 'email' | 'phone' | 'title' | 'company' | 'website' | 'address', string | null>> & { status?: Lead['status']; lostReason?: string };

const OUTCOME_WORDS: Record<string, string> = { connected: 'connected', no_answer: 'no answer', voicemail: 'voicemail', wrong_number: 'wrong number' };

export const describeActivity = (a: { type: string; outcome?: string | undefined }): string =>
  `${a.type[0]?.toUpperCase()}${a.type.slice(1)}${a.outcome ? ` (${OUTCOME_WORDS[a.outcome] ?? a.outcome})` : ''}`;

/** The popup's state: signals in, actions out. */
export function createPopupModel(deps: { send: Send; loadCurrentLead(): Promise<Lead | null>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const me = signal<Reply<Me> | null>(null);
  const tab = signal<Tab>('lead');
  const lead = signal<Lead | null>(null);
  const activities = signal<Activity[]>([]);
  const history = signal<HistoryEntry[]>([]);
  const people = signal<Record<string, string>>({});
  const ownerName = signal<string | null>(null);
  const pulling = signal(false);
  const saving = signal(false);
  const notice = signal<Notice | null>(null);
  /** Set when a save met a newer version: the message, and the edit is kept for another try. */
  const conflict = signal<string | null>(null);
  const lostReasons = signal<string[]>([]);
  /** Set while the popup shows the offline copy: when that copy last matched the server. */
  const stale = signal<string | null>(null);
  const ready = computed(() => me.value?.ok === true);
  const canSeeTeam = computed(() => me.value?.ok === true && hasRole(me.value.data.role, 'lead'));

  const noticeFor = (reply: Extract<Reply<unknown>, { ok: false }>): Notice => ({
    tone: 'error',
    text: reply.message,
    ...(reply.code === 'NOT_CONFIGURED' || reply.code === 'UNAUTHORIZED' ? { action: 'options' as const } : {}),
  });

  async function refreshLead(id: string, open = false): Promise<boolean> {
    const reply = await deps.send(open ? { type: 'open-lead', id } : { type: 'get-lead', id });
    if (!reply.ok) {
      notice.value = noticeFor(reply);
      return false;
    }
    stale.value = reply.stale ?? null;
    lead.value = reply.data.lead;
    activities.value = reply.data.activities;
    history.value = reply.data.history;
    people.value = reply.data.people;
    ownerName.value = reply.data.ownerName;
    return true;
  }

  async function load(): Promise<void> {
    const [who, current] = await Promise.all([deps.send({ type: 'whoami' }), deps.loadCurrentLead()]);
    me.value = who;
    stale.value = who.ok ? (who.stale ?? null) : null;
    lead.value = current;
    notice.value = who.ok ? null : noticeFor(who);
    if (!who.ok) return;
    const reasons = deps.send({ type: 'lost-reasons' }).then((r) => {
      if (r.ok) lostReasons.value = r.data;
    });
    if (current) await refreshLead(current.id);
    await reasons;
  }

  async function nextLead(): Promise<void> {
    if (pulling.value) return;
    pulling.value = true;
    notice.value = null;
    conflict.value = null;
    try {
      const reply = await deps.send({ type: 'next-lead' });
      if (!reply.ok) {
        notice.value = noticeFor(reply);
        return;
      }
      if (reply.data.lead) {
        lead.value = reply.data.lead;
        activities.value = [];
        history.value = [];
        tab.value = 'lead';
        const who = me.value;
        if (who?.ok) me.value = { ok: true, data: { ...who.data, openLeads: who.data.openLeads + 1 } };
        await refreshLead(reply.data.lead.id);
      } else {
        notice.value = { tone: 'info', text: 'The queue is empty: every lead has an owner. Capture new ones as you browse.' };
      }
    } finally {
      pulling.value = false;
    }
  }

  /** Shows a lead from My leads or the team's queue in the Lead tab. */
  async function openLead(id: string): Promise<void> {
    notice.value = null;
    conflict.value = null;
    if (await refreshLead(id, true)) tab.value = 'lead';
  }

  async function logActivity(draft: ActivityDraft): Promise<boolean> {
    const current = lead.value;
    if (!current || saving.value) return false;
    saving.value = true;
    try {
      const reply = await deps.send({ type: 'add-activity', activity: { leadId: current.id, ...draft, idempotencyKey: crypto.randomUUID() } });
      if (!reply.ok) {
        notice.value = noticeFor(reply);
        return false;
      }
      const logged = 'queued' in reply.data ? reply.data.activity : reply.data;
      const follow = logged.followUpAt ? `; follow-up ${new Date(logged.followUpAt).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}` : '';
      notice.value =
        'queued' in reply.data
          ? { tone: 'info', text: `Saved offline: ${describeActivity(logged)}${follow}. It syncs when the server answers (${reply.data.waiting} waiting).` }
          : { tone: 'ok', text: `Logged: ${describeActivity(logged)}${follow}` };
      await refreshLead(current.id);
      return true;
    } finally {
      saving.value = false;
    }
  }

  // Logs from the card's links run one after another: a rep who dials, then opens an email at once,
  // gets both logged instead of the second being dropped while the first is saved.
  let reachOuts: Promise<unknown> = Promise.resolve();
  function logInTurn(draft: ActivityDraft): Promise<boolean> {
    const run = reachOuts.then(() => logActivity(draft));
    reachOuts = run.catch(() => false);
    return run;
  }

  async function save(patch: Patch): Promise<boolean> {
    const current = lead.value;
    if (!current || saving.value) return false;
    saving.value = true;
    conflict.value = null;
    try {
      const reply = await deps.send({ type: 'update-lead', update: { id: current.id, version: current.version, patch, idempotencyKey: crypto.randomUUID() }, base: baseOf(current, patch) });
      if (!reply.ok) {
        if (reply.code === 'CONFLICT' && /version/.test(reply.message)) {
          conflict.value = 'Someone changed this lead while you were editing it, so your changes were not saved. Reload to see their changes, then edit again.';
        } else {
          notice.value = noticeFor(reply);
        }
        return false;
      }
      notice.value = 'queued' in reply.data ? { tone: 'info', text: `Saved offline: the edit syncs when the server answers (${reply.data.waiting} waiting).` } : { tone: 'ok', text: 'Saved' };
      await refreshLead(current.id);
      return true;
    } finally {
      saving.value = false;
    }
  }

  async function reload(): Promise<void> {
    conflict.value = null;
    if (lead.value) await refreshLead(lead.value.id);
  }

  return { me, tab, lead, activities, history, people, ownerName, pulling, saving, notice, conflict, lostReasons, stale, ready, canSeeTeam, now, load, nextLead, openLead, logActivity, logInTurn, save, reload };
}
export type PopupModel = ReturnType<typeof createPopupModel>;
