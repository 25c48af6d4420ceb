import { signal } from '@preact/signals';
import type { Lead, LeadStatus } from '../../shared/schemas/lead.ts';
import type { FollowUp } from '../../shared/schemas/team.ts';
import type { Send } from '../content/scanner.ts';
import { isDueToday } from './follow-up-choices.ts';

export type MyLeadRow = { id: string; name: string; company?: string | undefined; status?: LeadStatus; grade?: string; score?: number; due?: string };

const PAGE = 25;

const fromLead = (l: Lead): MyLeadRow => ({ id: l.id, name: l.name ?? l.email ?? l.phone ?? l.id, company: l.company, status: l.status, grade: l.score.grade, score: l.score.total });
const fromFollowUp = (f: FollowUp): MyLeadRow => ({ id: f.leadId, name: f.leadName, company: f.company, due: f.followUpAt });

/** The rep's own leads: by status, by what is due today, and by a search. */
export function createMyLeadsModel(deps: { send: Send; now(): Date }) {
  const status = signal<LeadStatus | ''>('');
  const dueToday = signal(false);
  const q = signal('');
  const rows = signal<MyLeadRow[]>([]);
  const cursor = signal<string | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  let generation = 0;

  async function load(more = false): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      if (dueToday.value) {
        const reply = await deps.send({ type: 'follow-ups' });
        if (mine !== generation) return;
        if (!reply.ok) {
          error.value = reply.message;
          return;
        }
        const needle = q.value.trim().toLowerCase();
        rows.value = reply.data
          .filter((f) => isDueToday(f.followUpAt, deps.now()))
          .filter((f) => !needle || `${f.leadName} ${f.company ?? ''}`.toLowerCase().includes(needle))
          .map(fromFollowUp);
        cursor.value = null;
        return;
      }
      const filter = { ownerId: 'me' as const, limit: PAGE, ...(status.value ? { status: status.value } : {}), ...(q.value.trim() ? { q: q.value.trim() } : {}), ...(more && cursor.value ? { cursor: cursor.value } : {}) };
      const reply = await deps.send({ type: 'list-leads', filter });
      if (mine !== generation) return;
      if (!reply.ok) {
        error.value = reply.message;
        return;
      }
      rows.value = [...(more ? rows.value : []), ...reply.data.items.map(fromLead)];
      cursor.value = reply.data.nextCursor;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return { status, dueToday, q, rows, cursor, loading, error, load };
}
export type MyLeadsModel = ReturnType<typeof createMyLeadsModel>;
