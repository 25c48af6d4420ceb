import { signal } from '@preact/signals';
import { isAwayAt } from '../../shared/routing/eligibility.ts';
import type { UserUpdateInput } from '../../shared/schemas/user.ts';
import type { TeamUser } from '../background/handlers.ts';
import type { Send } from '../content/scanner.ts';

/** The rep settings form as typed: every value a string or a flag, as the inputs give them. */
export interface RepSettingsForm {
  away: boolean;
  /** `YYYY-MM-DD` from a date input, or empty for "until further notice". */
  until: string;
  capacity: string;
  weight: string;
  territories: string;
  tags: string;
}

const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]?.toLowerCase());

/** The form filled with a user's current settings; a rep whose away-until day has come is shown back. */
export function formOf(user: TeamUser, now = new Date()): RepSettingsForm {
  const away = isAwayAt(user, now);
  const until = away && user.awayUntil ? new Date(user.awayUntil) : undefined;
  const day = until ? `${until.getFullYear()}-${String(until.getMonth() + 1).padStart(2, '0')}-${String(until.getDate()).padStart(2, '0')}` : '';
  return {
    away,
    until: day,
    capacity: String(user.capacity),
    weight: String(user.weight ?? 1),
    territories: (user.territories ?? []).join(', '),
    tags: (user.tags ?? []).join(', '),
  };
}

/**
 * Only what the form changed, as `users.update` takes it, or why it cannot be sent. Away until a
 * day means back at the start of that day, in the team lead's time zone.
 */
export function settingsPatch(user: TeamUser, form: RepSettingsForm): { ok: true; update: UserUpdateInput } | { ok: false; message: string } {
  const update: UserUpdateInput = { id: user.id };
  const capacity = Number(form.capacity);
  if (form.capacity.trim() === '' || !Number.isInteger(capacity) || capacity < 0) return { ok: false, message: 'Cap: a whole number of open leads, 0 or more' };
  const weight = Number(form.weight);
  if (form.weight.trim() === '' || !Number.isFinite(weight) || weight < 0 || weight > 100) return { ok: false, message: 'Weight: a number from 0 to 100' };
  let awayUntil: string | null = null;
  if (form.away && form.until) {
    const [y, m, d] = form.until.split('-').map(Number);
    const back = new Date(y ?? Number.NaN, (m ?? Number.NaN) - 1, d ?? Number.NaN);
    if (Number.isNaN(back.getTime())) return { ok: false, message: 'Away until: pick a day' };
    awayUntil = back.toISOString();
  }
  if (form.away !== (user.away ?? false) || (form.away && awayUntil !== (user.awayUntil ?? null))) {
    update.away = form.away;
    if (form.away) update.awayUntil = awayUntil;
  }
  if (capacity !== user.capacity) update.capacity = capacity;
  if (weight !== (user.weight ?? 1)) update.weight = weight;
  const territories = words(form.territories);
  if (!sameList(territories, user.territories ?? [])) update.territories = territories;
  const tags = words(form.tags);
  if (!sameList(tags, user.tags ?? [])) update.tags = tags;
  return { ok: true, update };
}

/** The rep whose settings a team lead is editing in the Team tab, and the save. */
export function createRepSettingsModel(deps: { send: Send; saved(): Promise<void> }) {
  const editing = signal<TeamUser | null>(null);
  const form = signal<RepSettingsForm | null>(null);
  const saving = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);

  function edit(user: TeamUser | null): void {
    editing.value = user;
    form.value = user ? formOf(user) : null;
    error.value = null;
    notice.value = null;
  }

  function change(patch: Partial<RepSettingsForm>): void {
    if (form.value) form.value = { ...form.value, ...patch };
  }

  async function save(): Promise<void> {
    const user = editing.value;
    if (!user || !form.value || saving.value) return;
    const patch = settingsPatch(user, form.value);
    if (!patch.ok) {
      error.value = patch.message;
      return;
    }
    if (Object.keys(patch.update).length === 1) {
      edit(null);
      return;
    }
    saving.value = true;
    error.value = null;
    try {
      const reply = await deps.send({ type: 'update-user', update: patch.update });
      if (!reply.ok) {
        error.value = reply.message;
        return;
      }
      const u = reply.data;
      edit(null);
      notice.value = `${u.name}: ${u.away ? `away${u.awayUntil ? ` until ${new Date(u.awayUntil).toLocaleDateString()}` : ''}` : 'available'}, cap ${u.capacity}`;
      await deps.saved();
    } finally {
      saving.value = false;
    }
  }

  return { editing, form, saving, error, notice, edit, change, save };
}
export type RepSettingsModel = ReturnType<typeof createRepSettingsModel>;
