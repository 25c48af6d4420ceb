import { describe, expect, it } from 'vitest';
import { findSignature, ownText, parseSignature } from './signature.ts';

describe('findSignature', () => {
  it.each([
    {
      what: 'after a "-- " delimiter',
      body: 'Hi Ana,\n\nSee the quote attached.\n\n-- \nLi Chen\nCTO, Acme\n+1 415 555 0199\n',
      want: ['Li Chen', 'CTO, Acme', '+1 415 555 0199'],
    },
    {
      what: 'after a valediction',
      body: 'Hi,\n\nWorks for me.\n\nBest regards,\nMaria Lopez\nVP Sales | Acme Widgets\nSent from my iPhone',
      want: ['Maria Lopez', 'VP Sales | Acme Widgets'],
    },
    {
      what: 'the short lines that end a message without a marker',
      body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore.\n\nGina Smith\ngina@example.com\n(555) 346-9947',
      want: ['Gina Smith', 'gina@example.com', '(555) 346-9947'],
    },
    {
      what: 'not inside the quoted message below a reply',
      body: 'Sounds good.\n\nThanks,\nNoam\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <m@example.com> wrote:\n> Hi\n>\n> -- \n> Megan One\n',
      want: ['Noam'],
    },
    {
      what: 'not the short last line of a paragraph of prose above a blank line',
      body: "Thanks Sasha, I can't go any higher and is why I limited it to the\nhomepage.\n\nStavros Xxxxxx\nvia mobile",
      want: ['Stavros Xxxxxx'],
    },
    {
      what: 'a signature with a blank line inside it, under a paragraph of prose',
      body: 'See the quote attached, it holds for a month from today.\n\nLi Chen\nCTO, Acme\n\n+1 415 555 0199',
      want: ['Li Chen', 'CTO, Acme', '+1 415 555 0199'],
    },
    {
      what: 'after a Russian valediction, a name in Cyrillic',
      body: 'Добрый день.\n\nЕсли Вы заинтересованы, пожалуйста ответьте на это письмо.\n\nС уважением,\nСергей Обухов',
      want: ['Сергей Обухов'],
    },
    { what: 'nothing in a message without one', body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.', want: [] },
  ])('$what', ({ body, want }) => {
    expect(findSignature(body)).toEqual(want);
  });
});

describe('parseSignature', () => {
  it.each([
    {
      what: 'name, credentials, title, company, email and website on their own lines',
      lines: ['John E. Doe, Ph.D.', 'President', 'Xxx Research', 'john@example.com', 'www.example.com'],
      want: { name: 'John E. Doe', title: 'President', company: 'Xxx Research', email: 'john@example.com', website: 'www.example.com' },
    },
    {
      what: 'title and company on one line, labelled phones, fax skipped, a street address',
      lines: ['Maria Lopez', 'VP Sales | Acme Widgets', 'm: +1 (415) 555-0143', 'f: +1 (415) 555-0199', '100 Market Street, San Francisco, CA 94105', 'linkedin.com/in/x https://www.linkedin.com/in/marialopez'],
      want: { name: 'Maria Lopez', title: 'VP Sales', company: 'Acme Widgets', phone: '+14155550143', address: '100 Market Street, San Francisco, CA 94105', linkedin: 'https://www.linkedin.com/in/marialopez' },
    },
    {
      what: 'an office and a mobile number: the first is the phone, the mobile another',
      lines: ['Li Chen', 'Account Executive, Acme Widgets', 'T: +1 415 555 0100 | M: +1 415 555 0142', 'F: +1 415 555 0199'],
      want: { name: 'Li Chen', title: 'Account Executive', company: 'Acme Widgets', phone: '+14155550100', otherPhones: ['+14155550142'] },
    },
    {
      what: 'the sender name anchors the name line, a national number takes the region',
      lines: ['Me John Doe', 'Internet xxx / xxxxx', 't. 555-931-0702'],
      senderName: 'John Doe',
      want: { name: 'John Doe', phone: '+15559310702' },
    },
    {
      what: 'a name in Cyrillic',
      lines: ['Сергей Обухов'],
      want: { name: 'Сергей Обухов' },
    },
    {
      what: 'a British number with the GB region',
      lines: ['Li Chen', 'Head of Procurement', 'Globex Ltd', 'Tel: 020 7946 0958'],
      region: 'GB',
      want: { name: 'Li Chen', title: 'Head of Procurement', company: 'Globex Ltd', phone: '+442079460958' },
    },
  ])('$what', ({ lines, senderName, region, want }) => {
    expect(parseSignature(lines, { region: region ?? 'US', ...(senderName ? { senderName } : {}) })).toEqual(want);
  });
});

describe('ownText', () => {
  it('drops quoted lines and the history under "On … wrote:"', () => {
    expect(ownText('Yes.\n> earlier\nOn Tue, Ana wrote:\nold text')).toBe('Yes.');
  });
});
