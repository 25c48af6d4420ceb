import { signal } from '@preact/signals';
import type { Api } from '../sync/api.ts';
import type { Notice } from './team-tools.ts';

/** The team's reasons for losing a lead, one a line, as a team lead edits them in the options page. */
export function createLostReasonsModel(deps: { api(): Api | undefined; failure(err: unknown): string }) {
  const draft = signal('');
  const notice = signal<Notice>(null);
  const saving = signal(false);

  async function load(): Promise<void> {
    const api = deps.api();
    if (!api) return;
    try {
      draft.value = (await api.team.lostReasons.query()).join('\n');
    } catch (err) {
      notice.value = { tone: 'error', text: deps.failure(err) };
    }
  }

  async function save(): Promise<void> {
    const api = deps.api();
    if (!api || saving.value) return;
    saving.value = true;
    try {
      const reasons = draft.value
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
      const saved = await api.team.setLostReasons.mutate({ reasons });
      draft.value = saved.join('\n');
      notice.value = { tone: 'ok', text: `Saved ${saved.length} reason${saved.length === 1 ? '' : 's'}: reps pick one of them when they lose a lead.` };
    } catch (err) {
      notice.value = { tone: 'error', text: deps.failure(err) };
    } finally {
      saving.value = false;
    }
  }

  return { draft, notice, saving, load, save };
}
export type LostReasonsModel = ReturnType<typeof createLostReasonsModel>;
