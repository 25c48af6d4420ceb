import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps } from '../../extension/background/handlers.ts';
import { runNextLeadCommand } from '../../extension/background/next-lead-command.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// The "Pull your next lead" keyboard command as the service worker runs it, against a real server.
// Browsers only fire extension shortcuts from real key presses, so the toolbar calls are recorded.
describe('the Next lead keyboard command', () => {
  let ts: TestServer;
  let rep: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
  });
  afterAll(() => ts.close());

  function toolbar(serverUrl: string, token: string, popup: 'opens' | 'cannot open') {
    const calls: string[] = [];
    const deps: HandlerDeps = { settings: async () => ({ serverUrl, token }), saveCurrentLead: async () => {}, fetch };
    const run = () =>
      runNextLeadCommand({
        pull: () => handleMessage({ type: 'next-lead' }, deps),
        refreshBadge: async () => void calls.push('badge: follow-ups'),
        setBadgeText: async (text) => void calls.push(`badge: ${text}`),
        setTitle: async (title) => void calls.push(`title: ${title}`),
        openPopup: async () => {
          calls.push('popup');
          if (popup === 'cannot open') throw new Error('not supported');
        },
      });
    return { calls, run };
  }

  it.each([
    { popup: 'opens' as const, calls: ['badge: follow-ups', 'title: Leadsync: Maria Lopez is yours, click to see the lead', 'popup'] },
    { popup: 'cannot open' as const, calls: ['badge: follow-ups', 'title: Leadsync: Bo Chen is yours, click to see the lead', 'popup'] },
  ])('claims the best lead for the rep and shows it when the popup $popup', async ({ popup, calls }) => {
    const name = popup === 'opens' ? 'Maria Lopez' : 'Bo Chen';
    const { lead } = await ts.admin.leads.capture.mutate({ name, email: `${name.replace(' ', '.').toLowerCase()}@acme.example`, source: { kind: 'manual' } });
    const t = toolbar(ts.url, rep.token, popup);
    await t.run();
    expect(t.calls).toEqual(calls);
    expect((await ts.admin.leads.get.query({ id: lead.id })).lead).toMatchObject({ ownerId: rep.user.id, status: 'assigned' });
  });

  it('says the queue is empty when there is nothing to pull', async () => {
    const t = toolbar(ts.url, rep.token, 'opens');
    await t.run();
    expect(t.calls).toEqual(['badge: follow-ups', 'title: Leadsync: the queue is empty, no lead to pull', 'popup']);
  });

  it('marks the button and says why when the server does not answer', async () => {
    const t = toolbar('http://127.0.0.1:9', rep.token, 'cannot open');
    await t.run();
    expect(t.calls[0]).toBe('badge: !');
    expect(t.calls[1]).toMatch(/^title: Leadsync: .{10,}/);
  });
});
