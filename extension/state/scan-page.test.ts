import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../content/scan-report.ts';
import { createScanPageModel, describeScan, type ScanOutcome } from './scan-page.ts';

describe('describeScan', () => {
  const cases: [string, ScanOutcome, string, RegExp][] = [
    ['contacts, some known', { kind: 'report', report: { kind: 'scanned', contacts: 7, known: 2 } }, 'ok', /^Found 7 contacts on this page, 2 already leads\./],
    ['one contact, known', { kind: 'report', report: { kind: 'scanned', contacts: 1, known: 1 } }, 'ok', /^Found 1 contact on this page, already a lead\./],
    ['all known', { kind: 'report', report: { kind: 'scanned', contacts: 3, known: 3 } }, 'ok', /all already leads/],
    ['none known', { kind: 'report', report: { kind: 'scanned', contacts: 4, known: 0 } }, 'ok', /4 contacts on this page, none known yet/],
    ['one of several known', { kind: 'report', report: { kind: 'scanned', contacts: 4, known: 1 } }, 'ok', /1 already a lead/],
    ['nothing found', { kind: 'report', report: { kind: 'scanned', contacts: 0, known: 0 } }, 'info', /^No contacts found/],
    ['never-capture site', { kind: 'report', report: { kind: 'blocked' } }, 'info', /never-capture list/],
    ['a browser page', { kind: 'not-a-web-page' }, 'info', /web pages \(http or https\) only/],
    ['no access', { kind: 'no-access' }, 'error', /toolbar icon/],
    ['another failure', { kind: 'failed', message: 'Frame was removed' }, 'error', /Frame was removed/],
  ];
  it.each(cases)('%s', (_label, outcome, tone, text) => {
    const notice = describeScan(outcome);
    expect(notice.tone).toBe(tone);
    expect(notice.text).toMatch(text);
  });
});

describe('createScanPageModel', () => {
  const model = (tab: { id?: number; url?: string } | undefined, inject: () => Promise<void>, report: ScanReport | null = { kind: 'scanned', contacts: 2, known: 0 }) => {
    const injected: number[] = [];
    const m = createScanPageModel({
      activeTab: async () => tab,
      inject: async (id) => {
        injected.push(id);
        await inject();
      },
      report: async () => report ?? undefined,
    });
    return { m, injected };
  };

  it('injects the scanner into the active tab and reports what it found', async () => {
    const { m, injected } = model({ id: 7, url: 'https://acme.example/team' }, async () => {});
    await m.scan();
    expect(injected).toEqual([7]);
    expect(m.notice.value?.text).toMatch(/Found 2 contacts/);
    expect(m.busy.value).toBe(false);
  });

  it('does not try a browser page', async () => {
    const { m, injected } = model({ id: 3, url: 'chrome://extensions/' }, async () => {});
    await m.scan();
    expect(injected).toEqual([]);
    expect(m.notice.value?.text).toMatch(/web pages/);
  });

  it('says how to get access when Chrome refuses the injection', async () => {
    const { m } = model({ id: 4 }, async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    });
    await m.scan();
    expect(m.notice.value).toMatchObject({ tone: 'error' });
    expect(m.notice.value?.text).toMatch(/toolbar icon/);
  });

  it('says so when the scanner never answered', async () => {
    const { m } = model({ id: 5, url: 'https://acme.example/' }, async () => {}, null);
    await m.scan();
    expect(m.notice.value?.text).toMatch(/did not start/);
  });
});
