import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps } from '../../extension/background/handlers.ts';
import { extensionMessage } from '../../shared/schemas/messages.ts';
import type { ProvisionalContact } from '../../shared/schemas/provisional.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// The review card's provisional score, computed by the background's handler against a real
// server: the team's rules when the token may read them, the defaults otherwise.
describe('provisional score for a contact not yet captured', () => {
  let ts: TestServer;
  let rep: TestUser;
  let teamLead: TestUser;

  const depsFor = (serverUrl: string, token: string): HandlerDeps => ({ settings: async () => ({ serverUrl, token }), saveCurrentLead: async () => {}, fetch });
  const provisional = async (contact: ProvisionalContact, user: TestUser | undefined) => {
    const msg = extensionMessage.parse({ type: 'provisional-score', contact });
    if (msg.type !== 'provisional-score') throw new Error('parsed to another message');
    const reply = await handleMessage(msg, depsFor(ts.url, user?.token ?? ''));
    if (!reply.ok) throw new Error(reply.message);
    return reply.data;
  };

  const maria = { name: 'Maria Lopez', email: 'Maria.Lopez@Acme-Widgets.com', phone: '(415) 555-0143', title: 'VP Sales', company: 'Acme Widgets', website: 'acme-widgets.com' };

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    await teamLead.api.scoring.setRules.mutate({ fit: { targetCompanies: { names: ['Acme Widgets'], domains: [], points: 12 } } });
  });
  afterAll(() => ts.close());

  it('gives a rep the default rules, and the same total the server gives the saved lead when the team has no model or company data', async () => {
    const fromRep = await provisional({ ...maria, region: 'US' }, rep);
    expect(fromRep.rules).toBe('default');
    expect(fromRep.up.map((r) => r.label)).toContain('Vice president title');
    expect(fromRep.up.map((r) => r.label).join()).not.toContain('Target account');
    expect(fromRep.checks).toMatchObject({ email: { status: 'valid' }, phone: { status: 'valid' } });

    // A team lead reads the team's rules, so the target account counts.
    const fromLead = await provisional({ ...maria, region: 'US' }, teamLead);
    expect(fromLead.rules).toBe('team');
    expect(fromLead.up).toContainEqual({ label: 'Target account (Acme Widgets)', points: 12, group: 'fit' });
    expect(fromLead.total).toBe(fromRep.total + 12);

    // Saved, the lead gets the team's authoritative score: the team lead's estimate was exact.
    const { lead } = await teamLead.api.leads.capture.mutate({ ...maria, source: { kind: 'page' } });
    expect(lead.score.total).toBe(fromLead.total);
    expect(lead.score.grade).toBe(fromLead.grade);
  });

  it.each([
    ['a half-typed address', { email: 'maria@acme' }, 'email', 'invalid', /malformed/],
    ['a throwaway mailbox', { email: 'maria@mailinator.com' }, 'email', 'invalid', /Disposable/],
    ['an impossible number', { phone: '12' }, 'phone', 'invalid', /not a possible phone number/],
  ] as const)('points out %s, and scores it lower than the good value', async (_what, patch, field, status, label) => {
    const good = await provisional({ ...maria, region: 'US' }, rep);
    const bad = await provisional({ ...maria, ...patch, region: 'US' }, rep);
    expect(bad.checks[field]).toMatchObject({ status, label: expect.stringMatching(label) });
    expect(bad.total).toBeLessThan(good.total);
  });

  it('reads a national number in the page’s country', async () => {
    const uk = await provisional({ name: 'Oliver Brown', phone: '020 7946 0018' }, rep);
    const ukWithRegion = await provisional({ name: 'Oliver Brown', phone: '020 7946 0018', region: 'GB' }, rep);
    expect(uk.checks.phone?.status).toBe('invalid');
    expect(ukWithRegion.checks.phone).toMatchObject({ status: 'valid', label: expect.stringContaining('GB') });
  });

  it('scores with the defaults before the extension is connected or when the server is away, and with nothing typed yet', async () => {
    expect(await provisional(maria, undefined)).toMatchObject({ rules: 'offline', grade: expect.any(String) });
    const msg = extensionMessage.parse({ type: 'provisional-score', contact: maria });
    const away = await handleMessage(msg as Extract<typeof msg, { type: 'provisional-score' }>, depsFor('http://127.0.0.1:9', rep.token));
    expect(away).toMatchObject({ ok: true, data: { rules: 'offline' } });
    expect(await provisional({}, rep)).toMatchObject({ total: 0, grade: 'D', up: [], rules: 'default' });
  });

  it('refuses a message with an oversized field, naming it', () => {
    const parsed = extensionMessage.safeParse({ type: 'provisional-score', contact: { email: `${'a'.repeat(300)}@x.com` } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['contact', 'email']);
  });
});
