import { describe, expect, it } from 'vitest';
import { createPrivacyModel, describeBlocklist } from './privacy.ts';

describe('describeBlocklist', () => {
  const cases: [string, string][] = [
    ['', 'Nothing is on your never-capture list.'],
    ['  \n ', 'Nothing is on your never-capture list.'],
    ['ana@partner.com', 'Saved: 1 address never scanned or captured.'],
    ['ana@partner.com\nbo@partner.com', 'Saved: 2 addresses never scanned or captured.'],
    ['mycompany.com', 'Saved: 1 domain never scanned or captured.'],
    ['ana@partner.com, @mycompany.com\n*.example.org', 'Saved: 1 address and 2 domains never scanned or captured.'],
  ];
  it.each(cases)('%j', (text, expected) => expect(describeBlocklist(text)).toBe(expected));
});

/** Chrome's permission API as far as this uses it: the grant is held in memory; `answer` is the rep's reply to the prompt. */
function setup(answer: boolean, held = false) {
  let granted = held;
  let saved = '';
  const model = createPrivacyModel({
    hasAllSites: async () => granted,
    requestAllSites: async () => (granted = granted || answer),
    removeAllSites: async () => {
      granted = false;
      return true;
    },
    loadNeverCapture: async () => 'old.example',
    saveNeverCapture: async (text) => void (saved = text),
  });
  return { model, saved: () => saved, revoke: () => (granted = false) };
}

describe('privacy settings', () => {
  it('turns automatic scanning on only when Chrome grants every site', async () => {
    const yes = setup(true);
    await yes.model.load();
    expect(yes.model.autoScan.value).toBe(false);
    await yes.model.setAutoScan(true);
    expect(yes.model.autoScan.value).toBe(true);
    expect(yes.model.status.value).toMatchObject({ tone: 'ok' });

    const no = setup(false);
    await no.model.load();
    const asking = no.model.setAutoScan(true);
    // While Chrome asks, the box is neither on nor off (and disabled).
    expect(no.model.autoScan.value).toBeNull();
    await asking;
    expect(no.model.autoScan.value).toBe(false);
    expect(no.model.status.value?.text).toMatch(/did not grant/);
  });

  it('gives the permission back when turned off, and follows a revocation made in Chrome', async () => {
    const s = setup(true, true);
    await s.model.load();
    expect(s.model.autoScan.value).toBe(true);
    await s.model.setAutoScan(false);
    expect(s.model.autoScan.value).toBe(false);
    expect(s.model.status.value?.text).toMatch(/Scan this page/);

    const t = setup(true, true);
    await t.model.load();
    t.revoke();
    await t.model.refresh();
    expect(t.model.autoScan.value).toBe(false);
  });

  it('loads and saves the never-capture list', async () => {
    const s = setup(true);
    await s.model.load();
    expect(s.model.neverCapture.value).toBe('old.example');
    s.model.neverCapture.value = 'ana@partner.com\nmycompany.com';
    await s.model.saveNeverCapture();
    expect(s.saved()).toBe('ana@partner.com\nmycompany.com');
    expect(s.model.status.value?.text).toBe('Saved: 1 address and 1 domain never scanned or captured.');
  });
});
