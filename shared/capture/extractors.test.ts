import { describe, expect, it } from 'vitest';
import { decodeObfuscatedEmails } from './deobfuscate.ts';
import { parseHeadline } from './extractors/profile-meta.ts';
import { EXTRACTORS } from './registry.ts';
import { dom, fieldsOf, PAGE_URL } from './test-dom.ts';

const byId = (id: string) => {
  const extractor = EXTRACTORS.find((e) => e.id === id);
  if (!extractor) throw new Error(`no extractor ${id}`);
  return extractor;
};
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

interface Row {
  what: string;
  html: string;
  region?: string;
  want: Record<string, string | string[]>[];
}

// Each row runs ONE extractor on its own, so a row fails when that extractor regresses.
describe.each<{ id: string; rows: Row[] }>([
  {
    id: 'json-ld',
    rows: [
      {
        what: 'a Person with nested worksFor and PostalAddress',
        html: ld({ '@context': 'https://schema.org', '@type': 'Person', name: 'Jane Doe', jobTitle: 'Professor', email: 'mailto:jane-doe@xyz.edu', telephone: '(425) 123-4567', url: 'http://www.janedoe.com', worksFor: { '@type': 'Organization', name: 'XYZ University' }, address: { '@type': 'PostalAddress', streetAddress: '405 N. Whitworth', addressLocality: 'Seattle', addressRegion: 'WA', postalCode: '98052' } }),
        want: [{ name: 'Jane Doe', title: 'Professor', email: 'jane-doe@xyz.edu', phone: '+14251234567', website: 'http://www.janedoe.com', company: 'XYZ University', address: '405 N. Whitworth, Seattle, WA 98052' }],
      },
      {
        what: 'an @graph with an organisation, its contact point and its employees',
        html: ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Corporation', name: 'Acme', url: 'https://acme.example', contactPoint: { '@type': 'ContactPoint', telephone: '+1-415-555-0100', email: 'sales@acme.example' }, employee: [{ '@type': 'Person', name: 'Li Chen', email: 'li@acme.example' }, { '@type': 'Person', givenName: 'Ana', familyName: 'Ruiz', jobTitle: 'CFO' }] }] }),
        want: [
          { company: 'Acme', email: 'sales@acme.example', phone: '+14155550100', website: 'https://acme.example' },
          { name: 'Li Chen', email: 'li@acme.example', company: 'Acme' },
          { name: 'Ana Ruiz', title: 'CFO', company: 'Acme' },
        ],
      },
      {
        what: 'a LocalBusiness subtype, an array of types, and affiliation as text',
        html: ld([{ '@type': ['Dentist', 'MedicalBusiness'], name: 'Smile Co', telephone: '020 7946 0958', address: '1 High St, London' }, { '@type': 'Person', name: 'Dr Ann Lee', affiliation: 'Smile Co' }]),
        region: 'GB',
        want: [
          { company: 'Smile Co', phone: '+442079460958', address: '1 High St, London' },
          { name: 'Dr Ann Lee', company: 'Smile Co' },
        ],
      },
      {
        what: 'a broken block is skipped and the next one still read',
        html: `<script type="application/ld+json">{"@type": "Person", </script>${ld({ '@type': 'Person', name: 'Li Chen', email: 'li@acme.example' })}`,
        want: [{ name: 'Li Chen', email: 'li@acme.example' }],
      },
      {
        what: 'an organisation with two numbers keeps both, the first as its phone',
        html: ld({ '@type': 'Winery', name: 'Bodegas Protos', telephone: ['+34983878011', '+34659843463'], email: 'enoturismo@bodegasprotos.com' }),
        want: [{ company: 'Bodegas Protos', email: 'enoturismo@bodegasprotos.com', phone: '+34983878011', otherPhones: ['+34659843463'] }],
      },
      {
        what: 'things that are not contacts give nothing',
        html: ld({ '@type': 'Product', name: 'Widget', offers: { '@type': 'Offer', price: '9.99' } }),
        want: [],
      },
    ],
  },
  {
    id: 'microdata',
    rows: [
      {
        what: 'a Person with nested address, a mailto email and a link url',
        html: '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Doe</span><span itemprop="jobTitle">Professor</span><div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">405 N. Whitworth</span> <span itemprop="addressLocality">Seattle</span></div><span itemprop="telephone">(425) 123-4567</span><a href="mailto:jane-doe@xyz.edu" itemprop="email">jane-doe@xyz.edu</a><a href="http://www.janedoe.com" itemprop="url">janedoe.com</a></div>',
        want: [{ name: 'Jane Doe', title: 'Professor', address: '405 N. Whitworth, Seattle', phone: '+14251234567', email: 'jane-doe@xyz.edu', website: 'http://www.janedoe.com' }],
      },
      {
        what: 'an Organization listing an employee, and meta content values',
        html: '<div itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Acme</span><meta itemprop="telephone" content="+1 415 555 0100"><div itemprop="employee" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Li Chen</span><a itemprop="email" href="mailto:li@acme.example">write</a></div></div>',
        want: [
          { company: 'Acme', phone: '+14155550100' },
          { name: 'Li Chen', email: 'li@acme.example', company: 'Acme' },
        ],
      },
    ],
  },
  {
    id: 'rdfa',
    rows: [
      {
        what: 'RDFa Lite with vocab, nested typeof and a schema: prefix',
        html: '<div vocab="https://schema.org/" typeof="Person"><span property="name">Jane Doe</span><span property="schema:jobTitle">Professor</span><div property="worksFor" typeof="Organization"><span property="name">XYZ</span></div><a href="mailto:jane@xyz.edu" property="email">jane@xyz.edu</a><span property="telephone">(425) 123-4567</span></div>',
        want: [{ name: 'Jane Doe', title: 'Professor', company: 'XYZ', email: 'jane@xyz.edu', phone: '+14251234567' }],
      },
    ],
  },
  {
    id: 'h-card',
    rows: [
      {
        what: 'h-card v2 with p-org, u-email and an h-adr',
        html: '<div class="h-card"><span class="p-name">Li Chen</span> <span class="p-job-title">CTO</span> at <span class="p-org">Acme</span> <a class="u-email" href="mailto:li@acme.example">email</a> <span class="p-tel">+1 415 555 0199</span><div class="p-adr h-adr"><span class="p-street-address">1 Main St</span>, <span class="p-locality">Springfield</span></div></div>',
        want: [{ name: 'Li Chen', title: 'CTO', company: 'Acme', email: 'li@acme.example', phone: '+14155550199', address: '1 Main St, Springfield' }],
      },
      {
        what: 'the implied name: the text of a card with no other property',
        html: '<a class="h-card" href="https://li.example">Li Chen</a>',
        want: [{ name: 'Li Chen' }],
      },
      {
        what: 'the implied name from an only-child image alt',
        html: '<span class="h-card"><img src="li.jpg" alt="Li Chen"></span>',
        want: [{ name: 'Li Chen' }],
      },
      {
        what: 'vcard v1 with fn, n parts, org, title, tel with value and email link',
        html: '<div class="vcard"><span class="fn">Ana Ruiz</span><div class="org">Acme</div><div class="title">Head of Sales</div><div class="tel"><span class="type">work</span> <span class="value">+34 912 345 678</span></div><a class="email" href="mailto:ana@acme.example">ana@acme.example</a></div>',
        want: [{ name: 'Ana Ruiz', company: 'Acme', title: 'Head of Sales', phone: '+34912345678', email: 'ana@acme.example' }],
      },
      {
        what: 'a card with two numbers keeps both',
        html: '<div class="h-card"><span class="p-name">Sofia Rossi</span> <span class="p-tel">+1 415 555 0122</span> or <a class="u-tel" href="tel:+14155550142">mobile</a></div>',
        want: [{ name: 'Sofia Rossi', phone: '+14155550122', otherPhones: ['+14155550142'] }],
      },
      {
        what: 'a v1 card whose fn is its org is an organisation',
        html: '<div class="vcard"><span class="fn org">Acme</span> <span class="tel">+1 415 555 0100</span></div>',
        want: [{ company: 'Acme', phone: '+14155550100' }],
      },
    ],
  },
  {
    id: 'mailto-tel',
    rows: [
      {
        what: 'mailto and tel links, with the name from the card heading',
        html: '<li><h3>Li Chen</h3><a href="mailto:li@acme.example">mail</a><a href="tel:+14155550199">call</a></li>',
        want: [{ name: 'Li Chen', email: 'li@acme.example' }, { name: 'Li Chen', phone: '+14155550199' }],
      },
      {
        what: 'a percent-encoded mailto with several recipients takes the first',
        html: '<a href="MAILTO:Li%40Acme.example,bo@acme.example?cc=x@y.z">Li Chen</a>',
        want: [{ name: 'Li Chen', email: 'li@acme.example' }],
      },
      {
        what: 'a mailto link under generic headings takes the business from its section heading',
        html: '<div><h1>Music Resource Centre</h1><h2>Contact information</h2><div>Email address: <a href="mailto:dscott@laurentian.ca">dscott@laurentian.ca</a></div></div>',
        want: [{ company: 'Music Resource Centre', email: 'dscott@laurentian.ca' }],
      },
      {
        what: 'a .vcf link names the person of its card',
        html: '<li><h3>Ana Ruiz</h3><a href="/cards/ana.vcf">Download vCard</a></li>',
        want: [{ name: 'Ana Ruiz' }],
      },
    ],
  },
  {
    id: 'text',
    rows: [
      {
        what: 'an email and a phone in a table row, with the name from the row',
        html: '<table><tr><td><b>Li Chen</b></td><td>li@acme.example</td><td>(415) 555-0199</td></tr></table>',
        want: [{ email: 'li@acme.example', name: 'Li Chen' }, { phone: '+14155550199', name: 'Li Chen' }],
      },
      {
        what: 'obfuscated addresses are decoded',
        html: '<p>Write to maria [at] acme [dot] com or jo(at)acme.example</p>',
        want: [{ email: 'maria@acme.com' }, { email: 'jo@acme.example' }],
      },
      {
        what: 'a phone in the page region, and fax numbers are skipped',
        html: '<p>Tel. 030 901820 · Fax: 030 901821</p>',
        region: 'DE',
        want: [{ phone: '+4930901820' }],
      },
      {
        what: 'a list of numbers after one label is one contact with its other numbers',
        html: '<p>Name: Bodegas Protos<br>Telephone: +34983878011, +34659843463<br>Email: enoturismo@bodegasprotos.com</p>',
        want: [
          { company: 'Bodegas Protos', phone: '+34983878011', otherPhones: ['+34659843463'] },
          { company: 'Bodegas Protos', email: 'enoturismo@bodegasprotos.com' },
        ],
      },
      {
        what: 'plain lines: a name, a title, a North American number with an unused exchange',
        html: 'Jane Doe\n<img src="j.jpg" alt="Photo of Jane Doe"/>\n\nProfessor\n405 Whitworth\nSeattle WA 98052\n(425) 123-4567\n',
        want: [{ name: 'Jane Doe', title: 'Professor', phone: '+14251234567' }],
      },
      {
        what: 'an international number written without "+", and its fax labelled in the element before',
        html: '<div>Google.Org<br>Tel:<span>( 33 1) 42 68 53 00 </span>, Fax:<span>( 33 1) 42 68 53 01 </span></div>',
        want: [{ company: 'Google.Org', phone: '+33142685300' }],
      },
      {
        what: 'prose with "at", years and prices is not a contact',
        html: '<p>Meet me at noon at the cafe. Founded in 1999, 2000 units at $12,500.00.</p>',
        want: [],
      },
    ],
  },
  {
    id: 'profile-meta',
    rows: [
      {
        what: 'a profile page with og and profile: tags and a rel=me link',
        html: '<head><meta property="og:type" content="profile"><meta property="og:title" content="Maria Lopez - Acme | LinkedIn"><meta property="og:description" content="VP Sales at Acme · Experience: Acme · Location: Madrid"><meta property="profile:first_name" content="Maria"><meta property="profile:last_name" content="Lopez"></head><body><h1>Maria Lopez</h1><a rel="me" href="https://www.linkedin.com/in/marialopez">LinkedIn</a><a rel="me" href="https://marialopez.example">site</a></body>',
        want: [{ name: 'Maria Lopez', title: 'VP Sales', company: 'Acme', linkedin: 'https://www.linkedin.com/in/marialopez', website: 'https://marialopez.example' }],
      },
      {
        what: 'an ordinary page gives nothing',
        html: '<head><meta property="og:type" content="website"><meta property="og:title" content="Acme widgets"></head><body><h1>Widgets</h1></body>',
        want: [],
      },
    ],
  },
])('$id', ({ id, rows }) => {
  it.each(rows)('$what', ({ html, region, want }) => {
    const doc = dom(`<!doctype html><html>${html.startsWith('<head>') ? html : `<body>${html}</body>`}</html>`);
    const found = byId(id).extract(doc.body, { url: PAGE_URL, region: region ?? 'US' });
    expect(fieldsOf(found)).toEqual(want);
    expect(found.every((c) => Object.values(c.provenance).every((p) => p === id))).toBe(true);
  });
});

describe('decodeObfuscatedEmails', () => {
  it.each([
    { text: 'maria [at] acme [dot] com', want: ['maria@acme.com'] },
    { text: 'maria(at)acme(dot)co(dot)uk', want: ['maria@acme.co.uk'] },
    { text: 'maria AT acme DOT com', want: ['maria@acme.com'] },
    { text: 'maria {at} mail.acme.example', want: ['maria@mail.acme.example'] },
    { text: 'see you at acme dot com', want: [] },
    { text: 'plain maria@acme.com', want: [] },
  ])('$text', ({ text, want }) => {
    expect(decodeObfuscatedEmails(text).map((m) => m.email)).toEqual(want);
  });
});

describe('parseHeadline', () => {
  it.each([
    { text: 'VP Sales at Acme · Experience: Acme', want: { title: 'VP Sales', company: 'Acme' } },
    { text: 'Experience: Globex · Education: MIT', want: { company: 'Globex' } },
    { text: 'Helping teams sell more', want: {} },
  ])('$text', ({ text, want }) => {
    expect(parseHeadline(text)).toEqual(want);
  });
});
