import { describe, expect, it } from 'vitest';
import type { FormTarget } from '../schemas/forms.ts';
import { formSnippet, HONEYPOT_FIELD, submissionToCapture, utmOf } from './web-to-lead.ts';

describe('submissionToCapture', () => {
  it.each<{ what: string; body: Record<string, unknown>; mapping: Record<string, FormTarget>; expected: Record<string, string> }>([
    {
      what: 'Salesforce names, joined name and address',
      body: { first_name: 'Maria', last_name: 'Lopez', email: 'm@globex.example', street: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', country: 'US', URL: 'globex.example' },
      mapping: {},
      expected: { name: 'Maria Lopez', email: 'm@globex.example', address: '1 Main St, Austin, TX 78701, US', website: 'globex.example' },
    },
    { what: 'mobile when there is no phone', body: { mobile: '555-0100', email: '' }, mapping: {}, expected: { phone: '555-0100' } },
    { what: 'a custom mapping', body: { 'your-email': 'a@b.example', 'full-name': 'Ann Bee' }, mapping: { 'your-email': 'email', 'full-name': 'name' }, expected: { email: 'a@b.example', name: 'Ann Bee' } },
    { what: 'repeated fields take the first value', body: { email: ['a@b.example', 'c@d.example'] }, mapping: {}, expected: { email: 'a@b.example' } },
    { what: 'objects are ignored', body: { email: { $ne: 1 } }, mapping: {}, expected: {} },
  ])('$what', ({ body, mapping, expected }) => {
    const out = submissionToCapture(body, mapping, { formName: 'F' });
    expect(out).toMatchObject(expected);
    expect(out.source).toEqual({ kind: 'form', name: 'F' });
    if (!('email' in expected)) expect(out).not.toHaveProperty('email');
  });

  it.each([
    { body: { utm_source: 'news' }, page: 'https://a.example/?utm_source=google&utm_campaign=x', expected: { source: 'news', campaign: 'x' } },
    { body: {}, page: 'https://a.example/', expected: undefined },
    { body: {}, page: 'not a url', expected: undefined },
  ])('utm from the post first, then the page: $expected', ({ body, page, expected }) => {
    expect(utmOf(body, page)).toEqual(expected);
  });

  it('keeps the page and the referrer without their query strings', () => {
    const out = submissionToCapture({ email: 'a@b.example', page_url: 'https://a.example/p?email=a@b.example#x', referrer: 'javascript:alert(1)' }, {}, { formName: 'F', refererHeader: 'https://a.example/' });
    expect(out.source).toEqual({ kind: 'form', name: 'F', url: 'https://a.example/p' });
  });
});

describe('formSnippet', () => {
  it('posts to the form and escapes what it quotes', () => {
    const html = formSnippet('http://127.0.0.1:4400/', { key: 'frm_abc', name: '"Demo" <b> -- form' });
    expect(html).toContain('action="http://127.0.0.1:4400/forms/frm_abc" method="POST"');
    expect(html).toContain(`name="${HONEYPOT_FIELD}"`);
    expect(html).toContain('&quot;Demo&quot; &lt;b&gt; - - form');
    expect(html).not.toContain('<b>');
  });
});
