import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractContacts } from './extract.ts';
import { EXTRACTORS } from './registry.ts';
import { dom, fieldsOf } from './test-dom.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/webmail/${name}`, import.meta.url), 'utf8');

// The saved reading panes prove each webmail's selectors; the rows pin what a rep gets.
describe.each([
  {
    id: 'gmail',
    file: 'gmail.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
    region: 'US',
    want: { name: 'Tom Baker', email: 'tom.baker@globex.example', title: 'Director of Purchasing', company: 'Globex Corporation', phone: '+13125550187', website: 'https://globex.example', address: '200 W Adams St, Chicago, IL 60606' },
  },
  {
    id: 'outlook',
    file: 'outlook.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQk',
    region: 'GB',
    want: { name: 'Sophie Martin', email: 'sophie.martin@initech.example', title: 'Head of Operations', company: 'Initech Ltd', phone: '+442079460321', otherPhones: ['+447700900123'], website: 'https://www.initech.example', address: '1 Canada Square, London E14 5AB' },
  },
])('$id', ({ id, file, url, region, want }) => {
  const extractor = EXTRACTORS.find((e) => e.id === id);

  it('reads the sender from the header and the rest from the signature', () => {
    const found = extractor?.extract(dom(fixture(file), url).body, { url, region }) ?? [];
    expect(fieldsOf(found)).toEqual([want]);
    expect(found[0]?.source).toEqual({ kind: 'email', url });
    expect(found[0]?.anchor?.textContent).toContain(want.name);
  });

  it('is one contact among everything the page shows, with the sender first', () => {
    const all = extractContacts(dom(fixture(file), url).body, { url, region });
    expect(all[0]).toMatchObject(want);
    expect(all.filter((c) => c.email === want.email)).toHaveLength(1);
  });

  it('finds nothing on a page that is not its reading pane', () => {
    expect(extractor?.extract(dom(fixture(file === 'gmail.html' ? 'outlook.html' : 'gmail.html'), url).body, { url, region })).toEqual([]);
  });
});
