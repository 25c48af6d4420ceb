import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractContacts, extractContactsInSlices } from './extract.ts';
import { EXTRACTORS } from './registry.ts';
import { dom, fieldsOf, PAGE_URL } from './test-dom.ts';

const run = (html: string, region = 'US') => fieldsOf(extractContacts(dom(html).body, { url: PAGE_URL, region }));

describe('extractContacts', () => {
  it.each([
    {
      what: 'a mailto link takes the name and title from its card',
      html: '<li class="card"><h3>Maria Lopez</h3><p>VP Sales</p><a href="mailto:Maria.Lopez@Acme.example">write</a></li>',
      want: [{ email: 'maria.lopez@acme.example', name: 'Maria Lopez', title: 'VP Sales' }],
    },
    {
      what: 'a mailto link whose text is the name',
      html: '<p><a href="mailto:jo@acme.example?subject=Hi">Jo Ann Smith</a></p>',
      want: [{ email: 'jo@acme.example', name: 'Jo Ann Smith' }],
    },
    {
      what: 'a tel link in national notation, with the page region',
      html: '<div><a href="tel:020 7946 0958">Call</a></div>',
      region: 'GB',
      want: [{ phone: '+442079460958' }],
    },
    {
      what: "a listing's heading names the business to call, not a person",
      html: "<div><h1>Philippa's Pharmacy</h1><p>Open: Monday-Thursday 9am-noon</p><p>Phone: (800) 555-1234</p></div>",
      want: [{ phone: '+18005551234', company: "Philippa's Pharmacy" }],
    },
    {
      what: 'a hotel by its heading, a person still by theirs',
      html: '<ul><li><h3>ACME Hotel Innsbruck</h3><p>reservations@acme-hotel.example</p></li><li><h3>Anna Berger</h3><p>anna@acme-hotel.example</p></li></ul>',
      want: [{ email: 'reservations@acme-hotel.example', company: 'ACME Hotel Innsbruck' }, { email: 'anna@acme-hotel.example', name: 'Anna Berger' }],
    },
    {
      what: 'an email in running text, named by its list item',
      html: '<ul><li><strong>Priya Patel</strong> — write to priya@acme.example today</li></ul>',
      want: [{ email: 'priya@acme.example', name: 'Priya Patel' }],
    },
    {
      what: 'text inside scripts, styles, templates and hidden blocks is ignored',
      html: '<script>var a="x@acme.example"</script><style>/* y@acme.example */</style><div hidden>z@acme.example</div><template>t@acme.example</template>',
      want: [],
    },
    {
      what: 'the same address as a link and as text is one contact',
      html: '<li><h4>Li Chen</h4><a href="mailto:li@acme.example">li@acme.example</a> or li@acme.example</li>',
      want: [{ email: 'li@acme.example', name: 'Li Chen' }],
    },
    {
      what: 'a mailto and a tel link in one card are one person',
      html: '<li class="card"><h3>Li Chen</h3><a href="mailto:li@acme.example">mail</a> <a href="tel:+14155550199">call</a></li>',
      want: [{ email: 'li@acme.example', name: 'Li Chen', phone: '+14155550199' }],
    },
    {
      what: 'two people in one list stay two people',
      html: '<li><h3>Li Chen</h3><a href="mailto:li@acme.example">mail</a></li><li><h3>Ana Ruiz</h3><a href="mailto:ana@acme.example">mail</a></li>',
      want: [
        { email: 'li@acme.example', name: 'Li Chen' },
        { email: 'ana@acme.example', name: 'Ana Ruiz' },
      ],
    },
    {
      what: 'JSON-LD and the visible mailto link of one person fold, JSON-LD fields first',
      html: '<script type="application/ld+json">{"@type":"Person","name":"Li Chen","jobTitle":"CTO","email":"li@acme.example","worksFor":{"@type":"Organization","name":"Acme"}}</script><li><h3>Li Chen</h3><p>Chief Technology Officer</p><a href="mailto:li@acme.example">mail</a> <a href="tel:+14155550199">call</a></li>',
      want: [{ name: 'Li Chen', email: 'li@acme.example', title: 'CTO', company: 'Acme', phone: '+14155550199' }],
    },
    {
      what: 'a heading that is not a name is not taken as one',
      html: '<section><h2>Contact us</h2><p>sales@acme.example</p></section>',
      want: [{ email: 'sales@acme.example' }],
    },
    {
      what: 'one person on two numbers, found by two extractors, keeps both',
      html: '<li><h3>Li Chen</h3><a href="mailto:li@acme.example">mail</a> <a href="tel:+14155550199">office</a> mobile +1 415 555 0142</li>',
      want: [{ email: 'li@acme.example', name: 'Li Chen', phone: '+14155550199', otherPhones: ['+14155550142'] }],
    },
    {
      what: 'JSON-LD with two numbers and the second one shown as text are one contact',
      html: '<script type="application/ld+json">{"@type":"Store","name":"Acme Store","telephone":["+1 415 555 0100","+1 415 555 0101"]}</script><p>Acme Store — call +1 415 555 0101</p>',
      want: [{ company: 'Acme Store', phone: '+14155550100', otherPhones: ['+14155550101'] }],
    },
    {
      what: 'a bad mailto and an impossible tel are skipped',
      html: '<a href="mailto:not-an-address">x</a><a href="tel:12">y</a>',
      want: [],
    },
  ])('$what', ({ html, region, want }) => {
    expect(run(html, region)).toEqual(want);
  });

  it('finds every contact on the team page fixture, each with an anchor for its badge', () => {
    const doc = dom(readFileSync(new URL('../../test/fixtures/pages/team.html', import.meta.url), 'utf8'));
    const found = extractContacts(doc.body, { url: PAGE_URL, region: 'US' });
    expect(found.map((c) => c.email ?? c.phone)).toEqual([
      'maria.lopez@acme-widgets.com',
      '+14155550143',
      'priya.patel@acme-widgets.com',
      'info@acme-widgets.com',
    ]);
    expect(found.every((c) => c.anchor !== undefined && c.source.url === PAGE_URL)).toBe(true);
    expect(found[1]).toMatchObject({ name: 'James Chen', title: 'Head of Procurement' });
  });

  it('anchors a JSON-LD-only contact on the visible text that shows it', () => {
    const doc = dom('<script type="application/ld+json">{"@type":"Person","name":"Ana Ruiz","email":"ana@acme.example"}</script><div><p>Our buyer</p><p id="who">Ana Ruiz</p></div>');
    const [ana] = extractContacts(doc.body, { url: PAGE_URL, region: 'US' });
    expect(ana?.anchor?.id).toBe('who');
  });

  // A pattern that backtracks catastrophically would not finish within the test's timeout.
  it('gets through hostile text that almost looks like addresses', () => {
    expect(run(`<p>${'a'.repeat(50_000)}@${'b-'.repeat(50_000)} ${'x.'.repeat(30_000)}@ ${'x [at] '.repeat(5000)}</p>`)).toEqual([]);
  });
});

describe('the e2e fixture pages', () => {
  const page = (name: string) => dom(readFileSync(new URL(`../../test/fixtures/pages/${name}`, import.meta.url), 'utf8'));

  it('the company team page holds ten people: JSON-LD, h-card and plain text', () => {
    const found = extractContacts(page('company-team.html'), { url: PAGE_URL, region: 'US' });
    expect(found.map((c) => c.name)).toEqual(['Olivia Hart', 'Daniel Okafor', 'Mei Tanaka', 'Lucas Moreau', 'Sofia Rossi', 'Ethan Brooks', 'Aisha Khan', 'Noah Fischer', 'Grace Lee', 'Omar Haddad']);
    expect(found.every((c) => c.anchor)).toBe(true);
    expect(found[0]).toMatchObject({ company: 'Northwind Robotics', title: 'Chief Executive Officer', phone: '+14155550110' });
    expect(found[7]).toMatchObject({ email: 'noah.fischer@northwind.example', phone: '+14155550131', title: 'Support Lead' });
  });

  it('the hostile page keeps names as text and finds its contacts', () => {
    const found = extractContacts(page('hostile.html'), { url: PAGE_URL, region: 'US' });
    expect(found.map((c) => c.email ?? c.phone)).toEqual(['trent@evil.example', 'mallory@evil.example', '+14155550177']);
  });
});

describe('extractContactsInSlices', () => {
  // A long page: filler sections with a contact every 40 of them, and one in JSON-LD only.
  const filler = (i: number) => `<section><h4>Section ${i}</h4><p>Lorem ipsum ${i} dolor, call 2024 sit amet.</p><ul><li>One</li><li>Two</li></ul></section>`;
  const person = (i: number) => `<li class="card"><h3>Person Number${String.fromCharCode(65 + (i % 26))}</h3><p>Sales Manager</p><p>person${i}@bench.example · +1 415 555 ${String(100 + i).padStart(4, '0')}</p></li>`;
  const html =
    '<script type="application/ld+json">{"@type":"Person","name":"Hidden Person","email":"hidden@bench.example"}</script><p>Hidden Person</p>' +
    Array.from({ length: 800 }, (_, i) => (i % 40 === 0 ? `<ul>${person(i / 40)}</ul>` : filler(i))).join('');

  it('finds exactly what the one-step extraction finds, yielding along the way', () => {
    const doc = dom(html);
    const whole = fieldsOf(extractContacts(doc.body.parentNode as ParentNode, { url: PAGE_URL, region: 'US' }));
    const work = extractContactsInSlices(doc.body.parentNode as ParentNode, { url: PAGE_URL, region: 'US' });
    let yields = 0;
    let step = work.next();
    while (!step.done) {
      yields++;
      step = work.next();
    }
    expect(fieldsOf(step.value)).toEqual(whole);
    expect(whole).toHaveLength(21);
    expect(whole).toContainEqual(expect.objectContaining({ email: 'hidden@bench.example' }));
    // One yield after each extractor, and more inside the text walk of a long page.
    expect(yields).toBeGreaterThan(EXTRACTORS.length + 2);
  });
});
