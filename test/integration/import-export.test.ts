import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../shared/import/run.ts';
import { csvRows } from '../../server/cli/csv-file.ts';
import { errorOf, listAll, removeDir, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

/** `node bin/leadsync.js …` as a separate process, the way a user runs it. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/leadsync.js', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const people = (items: { name?: string; email?: string; phone?: string; company?: string; title?: string }[]) =>
  items.map((l) => ({ name: l.name, email: l.email, phone: l.phone, company: l.company, title: l.title })).sort((a, b) => String(a.email).localeCompare(String(b.email)));

describe('CSV import and export', () => {
  let ts: TestServer;
  let teamLead: TestUser;
  let rep: TestUser;
  let tmp: string;

  beforeAll(async () => {
    ts = await startTestServer();
    teamLead = await ts.createUser('lead');
    rep = await ts.createUser('rep');
    tmp = mkdtempSync(join(tmpdir(), 'leadsync-csv-'));
  });
  afterAll(async () => {
    await ts?.close();
    if (tmp) await removeDir(tmp);
  });

  it('a dry run of a HubSpot export reports every row and stores nothing', async () => {
    const run = await cli(['import', fixture('hubspot-contacts.csv'), '--dry-run', '--rejected', join(tmp, 'dry.rejected.csv'), '--server', ts.url, '--token', teamLead.token]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, rows: 7, created: 4, merged: 1, rejected: 2 });
    expect(run.stderr).toContain('hubspot columns');
    expect(run.stderr).toContain('Phone Number → phone');
    expect((await listAll(ts.admin)).items).toHaveLength(0);
  });

  it('imports a HubSpot export (BOM, quotes, line breaks in cells, blank lines, a duplicate) from the command line', async () => {
    const rejectedFile = join(tmp, 'hubspot.rejected.csv');
    const run = await cli(['import', fixture('hubspot-contacts.csv'), '--rejected', rejectedFile], { LEADSYNC_URL: ts.url, LEADSYNC_TOKEN: teamLead.token });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ file: fixture('hubspot-contacts.csv'), dryRun: false, rows: 7, created: 4, merged: 1, rejected: 2, rejectedFile });
    expect(run.stderr).toMatch(/Done: 4 created, 1 merged, 2 rejected of 7 rows/);

    const { items } = await listAll(ts.admin);
    expect(people(items)).toEqual([
      { name: 'Jean-Luc O\'Brien, Jr.', email: 'jl.obrien@initech.example', phone: '+12125550101', company: 'Initech, Inc.', title: 'Head of "Growth"' },
      { name: 'Maria Lopez', email: 'maria.lopez@globex.example', phone: '+14155550132', company: 'Globex', title: 'VP Sales' },
      { name: 'Priya Patel', email: 'priya@umbrella.example', phone: '+442079460958', company: 'Umbrella', title: 'CTO' },
      { name: 'Sam Lee', email: 'sam.lee@hooli.example', phone: undefined, company: 'Hooli', title: 'Director of Partnerships' },
    ]);
    const maria = items.find((l) => l.email === 'maria.lopez@globex.example');
    expect(maria).toMatchObject({ source: { kind: 'import', name: 'hubspot-contacts.csv' }, address: 'San Francisco, CA, United States', website: 'https://globex.example' });

    const rejected = Papa.parse<string[]>(readFileSync(rejectedFile, 'utf8'), { skipEmptyLines: true }).data;
    expect(rejected[0]?.slice(-3)).toEqual(['Create Date', 'Row', 'Reason']);
    expect(rejected.slice(1).map((r) => [r[3], r.at(-2), r.at(-1)])).toEqual([
      ['not-an-email', '5', 'email: is not a valid email address'],
      ['', '6', 'email: at least one of email or phone is required'],
    ]);
  });

  it('imports a semicolon-separated Salesforce export through imports.rows, phones read in each lead\'s country', async () => {
    const file = csvRows(fixture('salesforce-leads.csv'));
    const iterator = file.rows[Symbol.asyncIterator]();
    const columns = (await iterator.next()).value as string[];
    const rejected: { row: number; reason: string; cells: string[] }[] = [];
    const totals = await runImport({
      rows: { [Symbol.asyncIterator]: () => iterator },
      batchSize: 2,
      send: ({ firstRow, rows }) => teamLead.api.imports.rows.mutate({ file: 'salesforce-leads.csv', importId: 'sf-import-1', columns, firstRow, rows }),
      onRejected: (r) => rejected.push(r),
    });
    expect(totals).toEqual({ rows: 4, created: 2, merged: 1, rejected: 1 });
    expect(rejected).toEqual([{ row: 4, reason: expect.stringMatching(/^phone: /), cells: expect.arrayContaining(['Ana "Ani"', '12345']) }]);
    const { items } = await listAll(ts.admin);
    expect(items.find((l) => l.email === 'ingrid.bergman@mueller.example')).toMatchObject({
      name: 'Ingrid Bergman',
      company: 'Müller; Söhne GmbH',
      phone: '+4930901820',
      address: 'Unter den Linden 1, Berlin, 10117, Germany',
    });
    expect(items.find((l) => l.email === 'pierre@dupont.example')).toMatchObject({ phone: '+33142685300', title: 'CEO' });
  });

  it('checks roles and input: reps cannot import, a file without an email or phone column is refused', async () => {
    const base = { file: 'x.csv', importId: 'import-abc-1', columns: ['Email'], firstRow: 1, rows: [['a@b.example']] };
    expect((await errorOf(rep.api.imports.rows.mutate(base))).code).toBe('FORBIDDEN');
    expect(await errorOf(teamLead.api.imports.rows.mutate({ ...base, columns: ['Name'] }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^columns:/) });
    const tooMany = await errorOf(teamLead.api.imports.rows.mutate({ ...base, rows: Array.from({ length: 501 }, () => ['a@b.example']) }));
    expect(tooMany).toMatchObject({ code: 'BAD_REQUEST', fields: ['rows'] });
    const mapped = await teamLead.api.imports.rows.mutate({ ...base, columns: ['Correo', 'Nombre'], mapping: { Correo: 'email', Nombre: 'name' }, rows: [['carla@sol.example', 'Carla Sol']] });
    expect(mapped).toMatchObject({ created: 1, results: [{ row: 1, outcome: 'created' }] });
  });

  it('exports in our columns and HubSpot\'s, and both round-trip into an empty server', async () => {
    const ours = join(tmp, 'ours.csv');
    const hub = join(tmp, 'hubspot.csv');
    expect((await cli(['export', '--out', ours, '--server', ts.url, '--token', teamLead.token])).code).toBe(0);
    expect((await cli(['export', '--format', 'hubspot', '--out', hub, '--server', ts.url, '--token', teamLead.token])).code).toBe(0);
    expect(readFileSync(hub, 'utf8').split('\r\n')[0]).toBe('First Name,Last Name,Email,Phone Number,Job Title,Company Name,Website URL,Street Address,Lead Status,Lifecycle Stage,Contact owner,Create Date');
    const original = people((await listAll(ts.admin)).items);

    for (const file of [ours, hub]) {
      const other = await startTestServer();
      try {
        const run = await cli(['import', file, '--server', other.url, '--token', other.adminToken]);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ created: original.length, rejected: 0 });
        expect(people((await listAll(other.admin)).items)).toEqual(original);
      } finally {
        await other.close();
      }
    }
    expect((await errorOf(rep.api.exports.leads.query({})))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports pages that filter like leads.list, and defuses spreadsheet formulas', async () => {
    await rep.api.leads.capture.mutate({ email: 'formula@evil.example', name: '=HYPERLINK("http://evil.example")', source: { kind: 'manual' } });
    const first = await teamLead.api.exports.leads.query({ limit: 2 });
    expect(first.count).toBe(2);
    expect(first.csv.split('\r\n')[0]).toMatch(/^Id,Name,Email,/);
    const second = await teamLead.api.exports.leads.query({ limit: 2, cursor: first.nextCursor! });
    expect(second.csv.startsWith('Id,')).toBe(false);
    const found = await teamLead.api.exports.leads.query({ q: 'formula@evil' });
    expect(found.count).toBe(1);
    expect(found.csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect((await teamLead.api.exports.leads.query({ status: 'lost' })).count).toBe(0);
  });

  it('gives a vCard of one lead', async () => {
    const { items } = await listAll(ts.admin);
    const jl = items.find((l) => l.email === 'jl.obrien@initech.example')!;
    const { filename, vcard } = await rep.api.exports.vcard.query({ id: jl.id });
    expect(filename).toBe('Jean-Luc-OBrien-Jr.vcf');
    const lines = vcard.split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VCARD', 'VERSION:3.0', "FN:Jean-Luc O'Brien\\, Jr.", "N:O'Brien\\, Jr.;Jean-Luc;;;", 'ORG:Initech\\, Inc.', 'EMAIL;TYPE=INTERNET,PREF:jl.obrien@initech.example', 'TEL;TYPE=WORK,VOICE,PREF:+12125550101', 'END:VCARD']));
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect((await errorOf(rep.api.exports.vcard.query({ id: 'ld_missing' }))).code).toBe('NOT_FOUND');
    writeFileSync(join(tmp, filename), vcard);
  });
});

describe('lead statuses in an import', () => {
  let ts: TestServer;

  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('keeps leads that ended in the old tool as converted or lost, with their outcome; open ones start in the queue, and a merge leaves a live lead alone', async () => {
    const teamLead = await ts.createUser('lead', { name: 'Lee Lead' });
    const rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    const live = (await rep.api.leads.capture.mutate({ email: 'live@kept.example', name: 'Liv Live', source: { kind: 'page' } })).lead;
    expect(live).toMatchObject({ ownerId: rep.user.id, status: 'assigned' });

    const result = await teamLead.api.imports.rows.mutate({
      file: 'salesforce-leads.csv',
      importId: 'status-import-1',
      columns: ['Email', 'Company', 'Lead Status', 'Lost Reason'],
      firstRow: 1,
      rows: [
        ['won@deal.example', 'Deal Co', 'Closed - Converted', ''],
        ['gone@deal.example', 'Gone Co', 'Closed - Not Converted', ''],
        ['later@deal.example', 'Later Co', 'BAD_TIMING', ''],
        ['open@deal.example', 'Open Co', 'Working - Contacted', ''],
        ['live@kept.example', 'Kept Co', 'Unqualified', ''],
        ['why@deal.example', 'Why Co', 'lost', 'Chose a competitor'],
      ],
    });
    expect(result).toMatchObject({ created: 5, merged: 1, rejected: 0 });

    const { items } = await listAll(ts.admin);
    const byEmail = (email: string) => items.find((l) => l.email === email)!;
    expect(byEmail('won@deal.example')).toMatchObject({ status: 'converted', ownerId: null, contactBy: null });
    expect(byEmail('gone@deal.example')).toMatchObject({ status: 'lost', lostReason: 'Closed - Not Converted', ownerId: null });
    expect(byEmail('later@deal.example')).toMatchObject({ status: 'lost', lostReason: 'BAD_TIMING' });
    // Leadsync's own export carries the reason in its own column, and it comes back with it.
    expect(byEmail('why@deal.example')).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor' });
    // Open in the old tool, but nobody owns it here: routed like any new lead.
    expect(byEmail('open@deal.example')).toMatchObject({ status: 'assigned', ownerId: rep.user.id });
    expect(byEmail('live@kept.example')).toMatchObject({ status: 'assigned', ownerId: rep.user.id, company: 'Kept Co' });

    const outcomes = ts.server.deps.repos.outcomes;
    expect(outcomes.get(byEmail('won@deal.example').id)).toMatchObject({ outcome: 'won', by: teamLead.user.id, source: 'import' });
    expect(outcomes.get(byEmail('gone@deal.example').id)).toMatchObject({ outcome: 'lost', reason: 'Closed - Not Converted' });
    expect(outcomes.get(live.id)).toBeUndefined();
    const { history } = await teamLead.api.leads.get.query({ id: byEmail('won@deal.example').id });
    expect(history.map((h) => [h.action, h.note])).toEqual([
      ['created', 'captured from import'],
      ['updated', 'imported as "Closed - Converted"'],
    ]);
    // The routing log holds the routed leads only, never the ended ones.
    const routed = await teamLead.api.routing.log.query({ kind: 'routed' });
    expect(routed.items.map((e) => e.leadId).sort()).toEqual([live.id, byEmail('open@deal.example').id].sort());
    const summary = await teamLead.api.team.summary.query();
    expect(summary.funnel.byStatus).toMatchObject({ converted: 1, lost: 3, assigned: 2 });
  });
});

describe('an import with auto-assignment on', () => {
  let ts: TestServer;

  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('routes the new leads by the rules up to each rep\'s cap, skips the away rep, and leaves the rest in the queue', async () => {
    const teamLead = await ts.createUser('lead');
    const [ana, bo, cy] = await Promise.all(['Ana Ruiz', 'Bo Chen', 'Cy Park'].map((name) => ts.createUser('rep', { name, capacity: 3 })));
    await teamLead.api.users.update.mutate({ id: cy!.user.id, away: true });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    const rows = Array.from({ length: 10 }, (_, i) => [`person${i}@firm${i}.example`, `Person ${i}`]);
    // One batch: all ten are captured in one go, and the caps must still hold.
    const result = await teamLead.api.imports.rows.mutate({ file: 'list.csv', importId: 'routed-import-1', columns: ['Email', 'Name'], firstRow: 1, rows });
    expect(result).toMatchObject({ created: 10, merged: 0, rejected: 0 });

    const { items } = await listAll(ts.admin);
    const owners = items.map((l) => l.ownerId);
    expect(owners.filter((o) => o === ana!.user.id)).toHaveLength(3);
    expect(owners.filter((o) => o === bo!.user.id)).toHaveLength(3);
    expect(owners.filter((o) => o === cy!.user.id)).toHaveLength(0);
    expect(items.filter((l) => l.ownerId === null).map((l) => l.status)).toEqual(['new', 'new', 'new', 'new']);
    const summary = await teamLead.api.team.summary.query();
    expect(summary.queue.depth).toBe(4);
    expect(summary.scoreMix.bySource.import).toBe(10);
  });
});
