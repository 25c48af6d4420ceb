import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractFile } from './extract.ts';

const run = promisify(execFile);
const fixture = (path: string) => new URL(`../../test/fixtures/${path}`, import.meta.url).pathname;
const fieldsOf = (leads: Awaited<ReturnType<typeof extractFile>>) => leads.map(({ source: _s, confidence: _c, provenance: _p, ...f }) => f);

describe('extractFile', () => {
  it.each([
    {
      what: 'an HTML page, parsed into a DOM',
      file: 'pages/team.html',
      want: [
        { name: 'Maria Lopez', email: 'maria.lopez@acme-widgets.com', title: 'VP Sales' },
        { name: 'James Chen', phone: '+14155550143', title: 'Head of Procurement' },
        { name: 'Priya Patel', email: 'priya.patel@acme-widgets.com', title: 'Chief Technology Officer' },
        { email: 'info@acme-widgets.com' },
      ],
    },
    {
      what: 'an email: the From header and the signature of its own text, not the quoted reply',
      file: 'files/quote-request.eml',
      want: [{ name: 'Tom Baker', email: 'tom.baker@globex.example', title: 'Director of Purchasing', company: 'Globex Corporation', phone: '+13125550187', website: 'https://globex.example' }],
    },
    {
      what: 'a vCard file with two cards of two versions',
      file: 'files/team.vcf',
      want: [
        { name: 'Maria Lopez', email: 'maria.lopez@acme-widgets.com', phone: '+14155550142', title: 'VP Sales', company: 'Acme Widgets', website: 'https://acme-widgets.com', address: '100 Market Street, San Francisco, CA 94105, USA' },
        { name: 'James Chen', phone: '+14155550143' },
      ],
    },
  ])('$what', async ({ file, want }) => {
    expect(fieldsOf(await extractFile(fixture(file), { region: 'US', url: 'https://acme.example/' }))).toEqual(want);
  });

  it('records where each field came from and the kind of source', async () => {
    const [lead] = await extractFile(fixture('files/quote-request.eml'), { region: 'US' });
    expect(lead?.source.kind).toBe('email');
    expect(lead?.provenance).toMatchObject({ email: 'eml', title: 'eml' });
  });

  it('does not run the scripts of a page it reads', async () => {
    const leads = await extractFile(fixture('pages/hostile.html'), { region: 'US' });
    const found = leads.map((l) => l.email ?? l.phone);
    expect(found).toContain('mallory@evil.example');
    expect(found).not.toContain('scripted@evil.example');
  });
});

describe('leadsync extract', () => {
  // Each case starts the real command (tsx compiles on start), so these take seconds.
  it('prints one JSON line per file, and says which file failed', { timeout: 30_000 }, async () => {
    const bin = new URL('../../bin/leadsync.js', import.meta.url).pathname;
    const result = await run('node', [bin, 'extract', fixture('files/team.vcf'), fixture('pages/team.html'), 'missing.html', '--region', 'gb'], { encoding: 'utf8' }).catch((err: { stdout: string; code: number }) => err);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; leads: { email?: string }[]; error?: string });
    expect(lines.map((l) => [l.file.replace(/^.*\//, ''), l.leads.length, l.error !== undefined])).toEqual([
      ['team.vcf', 2, false],
      ['team.html', 4, false],
      ['missing.html', 0, true],
    ]);
    expect('code' in result && result.code).toBe(1);
  });

  it('refuses a bad region, naming the option', { timeout: 30_000 }, async () => {
    const bin = new URL('../../bin/leadsync.js', import.meta.url).pathname;
    const err = await run('node', [bin, 'extract', fixture('files/team.vcf'), '--region', 'USA']).catch((e: { stderr: string }) => e);
    expect('stderr' in err ? err.stderr : '').toMatch(/--region must be a two-letter country code/);
  });
});

// Real third-party files, read from the team's corpus beside the project when it is there.
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('reads every vCard of node-vcf with a name, and the emails of the eml folders', async () => {
    const dir = `${CORPUS}vcard/node-vcf/`;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.vcf'))) {
      const leads = await extractFile(dir + f, { region: 'DE' });
      const text = readFileSync(dir + f, 'utf8');
      expect(leads.length > 0, f).toBe(/^(FN|N|TEL|EMAIL)[:;]/m.test(text));
      if (/^FN[:;]/m.test(text)) expect(leads.every((l) => l.name), f).toBe(true);
    }
    const froms = await extractFile(`${CORPUS}eml/postal-mime/calendar-event.eml`, { region: 'US' });
    expect(froms[0]).toMatchObject({ name: 'Andris Reinman', email: 'andris@postalsys.com' });
    expect(readFileSync(`${CORPUS}eml/postal-mime/calendar-event.eml`, 'utf8')).toContain('andris@postalsys.com');
  });
});
