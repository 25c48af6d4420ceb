import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES, MIN_OUTCOMES } from '../../shared/schemas/scoring.ts';
import { errorOf, startTestServer, type Api, type TestServer, type TestUser } from '../helpers/server.ts';

const sum = (s: { reasons: { points: number }[] }) => s.reasons.reduce((a, r) => a + r.points, 0);
const bin = fileURLToPath(new URL('../../bin/leadsync.js', import.meta.url));

/** Captures `n` leads and closes them: won ones are work-email executives, lost ones free-mail juniors. */
async function closeOutcomes(api: Api, ownerId: string, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const won = i % 2 === 0;
    const { lead } = await api.leads.capture.mutate(
      won
        ? { name: `Won Person${i}`, email: `ceo${i}.${tag}@winner${i}.example`, title: 'CEO', company: `Winner ${i}`, source: { kind: 'manual' } }
        : { name: `Lost Person${i}`, email: `junior${i}.${tag}@gmail.com`, title: 'Intern', source: { kind: 'manual' } },
    );
    if (won) {
      const assigned = await api.queue.assign.mutate({ leadId: lead.id, userId: ownerId });
      const contacted = await api.leads.update.mutate({ id: lead.id, version: assigned.version, patch: { status: 'contacted' } });
      await api.leads.update.mutate({ id: lead.id, version: contacted.version, patch: { status: 'converted' } });
    } else {
      await api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'lost', lostReason: 'no budget' } });
    }
  }
}

/** `node bin/leadsync.js …` against the test server, with the admin's token. */
const cli = (ts: TestServer, args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LEADSYNC_URL: ts.url, LEADSYNC_TOKEN: ts.adminToken } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });

describe('scoring over HTTP', () => {
  let ts: TestServer;
  let rep: TestUser;
  let teamLead: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep');
    teamLead = await ts.createUser('lead');
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('gives a capture a score with reasons that add up, field statuses, and an explanation in leads.get', async () => {
    const { lead } = await rep.api.leads.capture.mutate({
      name: 'Maria Lopez', email: 'info@acme-scoring.example', phone: '+1 800 555 0199', title: 'VP Sales', company: 'Acme', source: { kind: 'manual' },
    });
    expect(lead.score.reasons.length).toBeGreaterThan(3);
    expect(sum(lead.score)).toBe(lead.score.total);
    expect(lead.score.checks).toMatchObject({ email: { status: 'risky' }, phone: { status: 'risky' }, name: { status: 'valid' } });
    expect(lead.score.prediction).toMatchObject({ status: 'insufficient', needed: MIN_OUTCOMES });
    const detail = await rep.api.leads.get.query({ id: lead.id });
    expect(detail.explanation.up[0]).toEqual({ label: 'Vice president title', points: 18, group: 'fit' });
    expect(detail.explanation.down).toEqual([{ label: 'Role address (info@), not a person', points: -6, group: 'quality' }]);
    const { matches } = await rep.api.leads.lookup.query({ emails: ['info@acme-scoring.example'] });
    expect(matches[0]?.reasons).toEqual([...detail.explanation.up, ...detail.explanation.down]);
  });

  it('raises engagement when an activity is logged', async () => {
    const { lead } = await teamLead.api.leads.capture.mutate({ name: 'Eng Agement', email: 'eng@engaged.example', source: { kind: 'manual' } });
    expect(lead.score.engagement).toBe(0);
    await teamLead.api.activities.add.mutate({ leadId: lead.id, type: 'meeting', note: 'demo' });
    const after = (await teamLead.api.leads.get.query({ id: lead.id })).lead;
    expect(after.score.engagement).toBe(DEFAULT_SCORING_RULES.engagement.points.meeting);
    expect(after.score.total).toBe(lead.score.total + after.score.engagement);
    expect(after.score.reasons).toContainEqual({ label: '1 activity, recent ones weigh most (half-life 14 days)', points: 10, group: 'engagement' });
  });

  it('lets only a team lead read and change the rules, and refuses bad rules naming the field', async () => {
    expect((await errorOf(rep.api.scoring.getRules.query())).code).toBe('FORBIDDEN');
    expect((await errorOf(rep.api.scoring.setRules.mutate({}))).code).toBe('FORBIDDEN');
    expect(await teamLead.api.scoring.getRules.query()).toEqual(DEFAULT_SCORING_RULES);
    const bad = await errorOf(teamLead.api.scoring.setRules.mutate({ fit: { territories: { countries: ['Spain'], regions: [], points: 5, outsidePoints: 0 } } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fields: ['fit.territories.countries.0'] });
    expect(await teamLead.api.scoring.getRules.query()).toEqual(DEFAULT_SCORING_RULES);
  });

  it('recomputes every score when the rules change, without bumping versions', async () => {
    const { lead } = await rep.api.leads.capture.mutate({ name: 'Vera Vp', email: 'vera@rules.example', title: 'VP Marketing', company: 'Rules Inc', address: 'Calle Mayor 1, 28013 Madrid, Spain', source: { kind: 'manual' } });
    const vpReason = { label: 'Vice president title', points: 18, group: 'fit' };
    expect(lead.score.reasons).toContainEqual(vpReason);
    const rules = { ...DEFAULT_SCORING_RULES, fit: { ...DEFAULT_SCORING_RULES.fit, seniority: { ...DEFAULT_SCORING_RULES.fit.seniority, vp: 30 }, territories: { countries: ['ES'], regions: [], points: 8, outsidePoints: -5 } } };
    const { rescored } = await teamLead.api.scoring.setRules.mutate(rules);
    expect(rescored).toBeGreaterThan(0);
    const after = (await rep.api.leads.get.query({ id: lead.id })).lead;
    expect(after.score.reasons).toEqual(expect.arrayContaining([{ label: 'Vice president title', points: 30, group: 'fit' }, { label: 'In territory (ES)', points: 8, group: 'fit' }, { label: 'Fit capped at 40 points', points: -4, group: 'fit' }]));
    expect(after.score.fit).toBe(40);
    expect(sum(after.score)).toBe(after.score.total);
    expect(after.version).toBe(lead.version);
    expect(await teamLead.api.scoring.getRules.query()).toEqual(rules);
    await teamLead.api.scoring.setRules.mutate({});
  });

  it('loads firmographics with `leadsync enrich load`, and the credit check feeds fit', async () => {
    const { lead } = await rep.api.leads.capture.mutate({ name: 'Fiona Firm', email: 'fiona@bigco.example', source: { kind: 'manual' } });
    const csv = join(ts.dataDir, 'firmo.csv');
    writeFileSync(csv, 'Domain,Employees,Revenue band,Credit rating,Industry\nbigco.example,"5,000",100M+,a,Software\nsmall.example,8,<1M,C,Retail\n');
    const ok = await cli(ts, ['enrich', 'load', csv]);
    expect(ok.err).toBe('');
    expect(ok.out).toMatch(/^Loaded 2 companies \(2 known in all\); \d+ leads rescored\.\n$/);
    const after = (await rep.api.leads.get.query({ id: lead.id })).lead;
    expect(after.score.reasons).toEqual(expect.arrayContaining([
      { label: '5,000 employees', points: 10, group: 'fit' },
      { label: 'Credit rating A', points: 6, group: 'fit' },
      { label: 'Revenue 100M+', points: 6, group: 'fit' },
    ]));

    expect((await errorOf(teamLead.api.scoring.loadFirmographics.mutate({ rows: [{ domain: 'x.example' }] }))).code).toBe('FORBIDDEN');
    expect(await errorOf(ts.admin.scoring.loadFirmographics.mutate({ rows: [{ domain: 'not a domain' }] }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['rows.0.domain'] });
  });

  it('replaces the rules from a file with `leadsync scoring rules --set`', async () => {
    const file = join(ts.dataDir, 'rules.json');
    writeFileSync(file, JSON.stringify({ fit: { targetCompanies: { names: ['BigCo'], domains: ['bigco.example'], points: 15 } }, engagement: { halfLifeDays: 7 } }));
    const { code, out, err } = await cli(ts, ['scoring', 'rules', '--set', file]);
    expect({ code, err: err.replace(/\d+ leads/, 'N leads') }).toEqual({ code: 0, err: 'Rules saved; N leads rescored.\n' });
    const rules = await teamLead.api.scoring.getRules.query();
    expect(JSON.parse(out)).toEqual(rules);
    expect(rules).toMatchObject({ fit: { targetCompanies: { names: ['BigCo'], points: 15 }, seniority: DEFAULT_SCORING_RULES.fit.seniority }, engagement: { halfLifeDays: 7 } });
    const { items } = await teamLead.api.leads.list.query({ q: 'fiona' });
    expect(items[0]?.score.reasons).toContainEqual({ label: 'Target account (bigco.example)', points: 15, group: 'fit' });
    await teamLead.api.scoring.setRules.mutate({});
  });

  it('trains on outcomes only once there are enough, then predicted appears', async () => {
    const early = await teamLead.api.scoring.train.mutate({});
    expect(early).toMatchObject({ trained: false });
    expect(early.message).toMatch(/needs 50 outcomes/);
    expect((await errorOf(rep.api.scoring.train.mutate({}))).code).toBe('FORBIDDEN');

    await closeOutcomes(teamLead.api, rep.user.id, MIN_OUTCOMES + 10, 'train');
    const { lead: hot } = await rep.api.leads.capture.mutate({ name: 'Hot Prospect', email: 'hot@hotco.example', title: 'CEO', company: 'HotCo', source: { kind: 'manual' } });
    const { lead: cold } = await rep.api.leads.capture.mutate({ name: 'Cold Prospect', email: 'cold.prospect@gmail.com', title: 'Intern', source: { kind: 'manual' } });
    expect(hot.score.predicted).toBeUndefined();

    const result = await teamLead.api.scoring.train.mutate({});
    expect(result).toMatchObject({ trained: true, outcomes: MIN_OUTCOMES + 10, converted: 30, lost: 30 });
    const hotAfter = (await rep.api.leads.get.query({ id: hot.id })).lead;
    const coldAfter = (await rep.api.leads.get.query({ id: cold.id })).lead;
    expect(hotAfter.score.predicted).toBeGreaterThan(0.8);
    expect(coldAfter.score.predicted).toBeLessThan(0.2);
    expect(hotAfter.score.prediction).toMatchObject({ status: 'ready', outcomes: MIN_OUTCOMES + 10 });
    expect(hotAfter.score.reasons.find((r) => r.group === 'predicted')?.points).toBeGreaterThan(0);
    expect(sum(hotAfter.score)).toBe(hotAfter.score.total);
    expect(await teamLead.api.scoring.model.query()).toMatchObject({ outcomes: MIN_OUTCOMES + 10, model: { kind: 'naive-bayes', converted: 30, lost: 30 } });
  });
});

describe('nightly training', () => {
  let ts: TestServer;
  let clock = new Date('2025-03-01T01:00:00.000Z');
  afterAll(async () => {
    await ts?.close();
  });

  it('trains after 2 a.m. once the team has enough outcomes, with no one asking', async () => {
    ts = await startTestServer({ now: () => clock, scoringCheckMs: 50 });
    const teamLead = await ts.createUser('lead');
    await closeOutcomes(teamLead.api, teamLead.user.id, MIN_OUTCOMES, 'nightly');
    expect((await teamLead.api.scoring.model.query()).model).toBeNull();
    clock = new Date('2025-03-01T03:00:00.000Z');
    const end = Date.now() + 10_000;
    let status = await teamLead.api.scoring.model.query();
    while (!status.model && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      status = await teamLead.api.scoring.model.query();
    }
    expect(status.model).toMatchObject({ trainedAt: clock.toISOString(), converted: 25, lost: 25 });
  });
});
