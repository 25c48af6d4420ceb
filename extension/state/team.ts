import { signal } from '@preact/signals';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { TeamSummary } from '../../shared/schemas/team.ts';
import type { TeamUser } from '../background/handlers.ts';
import type { Send } from '../content/scanner.ts';
import { createRepSettingsModel } from './rep-settings.ts';
import { createRoutingModel } from './routing-panel.ts';

/** The team lead's view: the summary, the queue's best leads (as Next lead orders them), and the reps to push them to. */
export function createTeamModel(deps: { send: Send }) {
  const summary = signal<TeamSummary | null>(null);
  const queue = signal<Lead[]>([]);
  const reps = signal<TeamUser[]>([]);
  const error = signal<string | null>(null);
  const assigned = signal<string | null>(null);
  const busy = signal(false);
  /** Every user's name by id, for the routing log and rules. */
  const people = signal<Record<string, string>>({});

  async function load(): Promise<void> {
    error.value = null;
    const [s, q, u] = await Promise.all([
      deps.send({ type: 'team-summary' }),
      deps.send({ type: 'queue-peek' }),
      deps.send({ type: 'users' }),
    ]);
    if (!s.ok) {
      error.value = s.message;
      return;
    }
    summary.value = s.data;
    if (q.ok) queue.value = q.data.leads;
    if (u.ok) {
      reps.value = u.data.filter((user) => user.active && user.role === 'rep');
      people.value = Object.fromEntries(u.data.map((user) => [user.id, user.name]));
    }
    if (routing.config.value) void routing.load();
  }

  async function assign(leadId: string, userId: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    assigned.value = null;
    try {
      const reply = await deps.send({ type: 'assign', assign: { leadId, userId } });
      if (!reply.ok) {
        error.value = reply.message;
        return;
      }
      const rep = reps.value.find((r) => r.id === userId);
      assigned.value = `${reply.data.name ?? reply.data.email ?? 'The lead'} is now ${rep?.name ?? 'the rep'}'s`;
      await load();
    } finally {
      busy.value = false;
    }
  }

  /** Marks a rep away until further notice, or back; routing skips an away rep at once. */
  async function setAway(userId: string, away: boolean): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    assigned.value = null;
    error.value = null;
    try {
      const reply = await deps.send({ type: 'set-away', update: { id: userId, away, ...(away ? { awayUntil: null } : {}) } });
      if (!reply.ok) {
        error.value = reply.message;
        return;
      }
      assigned.value = `${reply.data.name} is ${away ? 'away: routing skips them until they are back' : 'back: routing includes them again'}`;
      await load();
    } finally {
      busy.value = false;
    }
  }

  const settings = createRepSettingsModel({ send: deps.send, saved: load });
  const routing = createRoutingModel({ send: deps.send });

  return { summary, queue, reps, people, error, assigned, busy, load, assign, setAway, settings, routing };
}
export type TeamModel = ReturnType<typeof createTeamModel>;
