import { describe, expect, it } from 'vitest';
import { looksLikeHeading, whoNear } from './block-heads.ts';
import { dom } from './test-dom.ts';

const longProse = '<p>' + 'Sales teams read pages all day and lose the people they meet. '.repeat(30) + '</p>';

// Each row is a page; `#here` is the element holding the email or phone found in text.
describe('whoNear', () => {
  it.each<{ what: string; html: string; want: Record<string, string> }>([
    { what: 'a card heading that is a person', html: '<li><h3>Li Chen</h3><p>Head of Sales</p><p id="here">li@acme.example</p></li>', want: { name: 'Li Chen', title: 'Head of Sales' } },
    { what: 'plain lines: the first is the name, the next the title', html: 'Jane Doe\n<img alt="">\n\nProfessor\n20341 Whitworth Institute\nSeattle WA 98052\n<span id="here">(425) 123-4567</span>', want: { name: 'Jane Doe', title: 'Professor' } },
    { what: 'a listing heading without a business word', html: '<h1>Beachwalk Beachwear &amp; Giftware</h1>A superb collection of fine gifts.\n3102 Highway 98\n<span id="here">Phone: 850-648-4200</span>', want: { company: 'Beachwalk Beachwear & Giftware' } },
    { what: 'the first plain line of a short listing', html: 'GreatFood\n4 stars - based on 250 reviews\n1901 Lemur Ave\n<span id="here">(408) 714-1489</span>', want: { company: 'GreatFood' } },
    {
      what: 'the section heading above generic ones',
      html: '<div><h1>Music Resource Centre</h1><h2>Opening hours</h2><div>Monday: 9:00 AM - 5:00 PM</div><h2>Contact information</h2><div>Email address: <a id="here" href="mailto:d@lu.example">d@lu.example</a></div></div>',
      want: { company: 'Music Resource Centre' },
    },
    { what: '"Name:" that is the business of the address on the same page', html: '<p>Name: Bodegas Protos\nOpening Hours: Monday to Friday\n<span id="here">Email: enoturismo@bodegasprotos.com</span></p>', want: { company: 'Bodegas Protos' } },
    { what: '"Name:" that is a person', html: '<p>Name: Maria Lopez\nRole: Buyer\n<span id="here">Email: maria@acme.example</span></p>', want: { name: 'Maria Lopez', title: 'Buyer' } },
    { what: '"Customer:" names a person', html: '<p>ACME Bank\nCustomer: Jane Doe\n<span id="here">jane@example.com</span></p>', want: { name: 'Jane Doe' } },
    { what: "an article's heading is its topic, not a business", html: `<article><h1>Scale Your Sales Team</h1>${longProse}<p id="here">Write to editor@news.example</p></article>`, want: {} },
    { what: 'a section about a person lends no company', html: '<div><h2>Rosa Diaz</h2><p>Lunch on Fridays.</p><div><span id="here">rosa@example.com</span></div></div>', want: { name: 'Rosa Diaz' } },
    { what: "another card's heading heads only that card", html: '<ul><li><h3>Priya Patel</h3><p>priya@acme.example</p></li></ul><footer><p id="here">General enquiries: info@acme.example</p></footer>', want: {} },
    { what: "a footer's contact is not the page heading's", html: '<h1>Northwind Traders leadership</h1><ul><li><h3>Nora Quinn</h3></li></ul><footer><p>Our partner at Acme: <a id="here" href="mailto:carla@acme.example">carla@acme.example</a></p></footer>', want: {} },
    { what: "a footer's own heading names its business", html: '<h1>Blog</h1><footer><h3>Beachwalk Beachwear &amp; Giftware</h3><div><p id="here">Call 415-555-0199</p></div></footer>', want: { company: 'Beachwalk Beachwear & Giftware' } },
    { what: 'generic headings only', html: '<div><h2>Contact us</h2><p id="here">Call 415-555-0199</p></div>', want: {} },
  ])('$what', ({ html, want }) => {
    const doc = dom(`<!doctype html><html><body>${html}</body></html>`);
    const here = doc.getElementById('here');
    if (!here) throw new Error('no #here');
    expect(whoNear(here)).toEqual(want);
  });
});

describe('looksLikeHeading', () => {
  it.each([
    ['GreatFood', true],
    ["Cath's Cafe", true],
    ['Contact information', false],
    ['Open: Daily from 11:00am till 8pm', false],
    ['A superb collection of fine gifts and clothing to accent your stay.', false],
    ['Call 415-555-0199', false],
    ['sales@acme.example', false],
    ['Eve <script>window.__pwned=true</script>', false],
  ])('%s → %s', (text, want) => {
    expect(looksLikeHeading(text)).toBe(want);
  });
});
