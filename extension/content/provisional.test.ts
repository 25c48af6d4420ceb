import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { ProvisionalContact, ProvisionalScore } from '../../shared/schemas/provisional.ts';
import { PROVISIONAL_DELAY_MS, watchProvisional } from './provisional.ts';
import { createReview } from './review-state.ts';

const scoreOf = (total: number): ProvisionalScore => ({ total, grade: 'C', quality: total, fit: 0, engagement: 0, up: [], down: [], checks: {}, rules: 'default' });

/** A background whose replies the test releases by hand, in any order, and a clock the test runs. */
function harness() {
  const asked: { contact: ProvisionalContact; answer(total: number): void }[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const score = (contact: ProvisionalContact) =>
    new Promise<Reply<ProvisionalScore>>((resolve) => asked.push({ contact, answer: (total) => resolve({ ok: true, data: scoreOf(total) }) }));
  const schedule = (fn: () => void, ms: number) => {
    const t = { fn, ms, cancelled: false };
    timers.push(t);
    return () => void (t.cancelled = true);
  };
  const runTimers = () => {
    for (const t of timers.splice(0)) if (!t.cancelled) t.fn();
  };
  const model = createReview({ name: 'Maria Lopez', email: 'maria@acme.example', provenance: { name: 'json-ld', email: 'json-ld' }, confidence: 0.9, source: { kind: 'page' } });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { asked, timers, score, schedule, runTimers, model, flush };
}

describe('watchProvisional', () => {
  it('asks at once for the fields as found, with the page region and without empty fields', async () => {
    const h = harness();
    watchProvisional(h.model, h.score, 'GB', h.schedule);
    expect(h.asked.map((a) => a.contact)).toEqual([{ region: 'GB', name: 'Maria Lopez', email: 'maria@acme.example' }]);
    h.asked[0]!.answer(40);
    await h.flush();
    expect(h.model.provisional.value?.total).toBe(40);
  });

  it('waits for a pause in the typing, then asks once for the latest values', () => {
    const h = harness();
    watchProvisional(h.model, h.score, 'US', h.schedule);
    h.model.values.title.value = 'V';
    h.model.values.title.value = 'VP';
    h.model.values.title.value = 'VP Sales ';
    expect(h.asked).toHaveLength(1);
    expect(h.timers.filter((t) => !t.cancelled)).toEqual([expect.objectContaining({ ms: PROVISIONAL_DELAY_MS })]);
    h.runTimers();
    expect(h.asked).toHaveLength(2);
    expect(h.asked[1]!.contact.title).toBe('VP Sales');
  });

  it('never shows a reply an edit has overtaken, even when it arrives last', async () => {
    const h = harness();
    watchProvisional(h.model, h.score, 'US', h.schedule);
    h.model.values.email.value = 'maria@';
    h.runTimers();
    h.asked[1]!.answer(12);
    h.asked[0]!.answer(55);
    await h.flush();
    expect(h.model.provisional.value?.total).toBe(12);
  });

  it('stops asking once the card closes, and ignores a reply still on its way', async () => {
    const h = harness();
    const stop = watchProvisional(h.model, h.score, 'US', h.schedule);
    h.model.values.phone.value = '+1 415 555 0143';
    stop();
    h.runTimers();
    h.model.values.phone.value = '+1 415 555 0144';
    h.runTimers();
    h.asked[0]!.answer(30);
    await h.flush();
    expect(h.asked).toHaveLength(1);
    expect(h.model.provisional.value).toBeUndefined();
  });
});
