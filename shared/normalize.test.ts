import { describe, expect, it } from 'vitest';
import { cleanText, domainOf, nameKey, normaliseEmail, normalisePhone, normaliseWebsite } from './normalize.ts';

describe('normaliseEmail', () => {
  it.each([
    ['maria@acme.com', 'maria@acme.com'],
    ['Maria.Lopez@Acme-Widgets.COM', 'maria.lopez@acme-widgets.com'],
    ['  padded@example.org\t', 'padded@example.org'],
    ['UPPER+TAG@EXAMPLE.ORG', 'upper+tag@example.org'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });
});

describe('normalisePhone', () => {
  it.each([
    // [written, region, E.164, country]
    ['+1 (415) 555-0132', undefined, '+14155550132', 'US'],
    ['415.555.0132', undefined, '+14155550132', 'US'],
    ['(415) 555 0132', undefined, '+14155550132', 'US'],
    ['4155550132', undefined, '+14155550132', 'US'],
    ['1-415-555-0132', undefined, '+14155550132', 'US'],
    ['+1 415 555 0132 ext. 12', undefined, '+14155550132', 'US'],
    ['tel:+14155550132', undefined, '+14155550132', 'US'],
    ['415-555-0132', 'us', '+14155550132', 'US'],
    ['+44 20 7946 0958', undefined, '+442079460958', 'GB'],
    ['020 7946 0958', 'GB', '+442079460958', 'GB'],
    ['00 44 20 7946 0958', 'GB', '+442079460958', 'GB'],
    ['+44 20 7946 0958', 'FR', '+442079460958', 'GB'],
    ['+33 1 23 45 67 89', undefined, '+33123456789', 'FR'],
    ['01 23 45 67 89', 'FR', '+33123456789', 'FR'],
    ['030 1234567', 'DE', '+49301234567', 'DE'],
    ['+49 (0)30 1234567', undefined, '+49301234567', 'DE'],
    ['(02) 9374 4000', 'AU', '+61293744000', 'AU'],
    ['+81 3-1234-5678', undefined, '+81312345678', 'JP'],
  ])('%j in region %s → %s', (raw, region, e164, country) => {
    const result = normalisePhone(raw, region);
    expect(result).toMatchObject({ ok: true, e164, country });
  });

  it.each([
    ['+1 415 555 0132', true],
    ['+44 20 7946 0958', true],
    // Possible (right length) but not valid in its region: kept, marked invalid.
    ['+44 7700 900123', false],
  ])('%j is valid: %s', (raw, valid) => {
    const result = normalisePhone(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.valid).toBe(valid);
  });

  it('tells a mobile from a fixed line where the region can', () => {
    expect(normalisePhone('+44 7911 123456')).toMatchObject({ ok: true, type: 'MOBILE' });
    expect(normalisePhone('+44 20 7946 0958')).toMatchObject({ ok: true, type: 'FIXED_LINE' });
  });

  it.each([
    ['', 'has no digits'],
    ['call me', 'has no digits'],
    ['   ', 'has no digits'],
    ['123', 'is not a possible phone number'],
    ['12', 'is not a possible phone number'],
    ['999999999999999999', 'is not a possible phone number'],
  ])('%j is refused: %s', (raw, reason) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, reason });
  });
});

describe('normaliseWebsite', () => {
  it.each([
    ['acme.com', 'https://acme.com'],
    ['https://Acme.COM/', 'https://acme.com'],
    ['http://www.acme.com/about/', 'http://www.acme.com/about'],
    ['acme.com/team//', 'https://acme.com/team'],
    ['HTTPS://WWW.Acme.com/Team?x=1#y', 'https://www.acme.com/Team'],
    ['  www.acme.co.uk  ', 'https://www.acme.co.uk'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseWebsite(raw)).toBe(expected);
  });

  it.each([[''], ['   '], ['ftp://acme.com'], ['javascript:alert(1)'], ['localhost'], ['http://intranet/'], ['not a url']])('%j is refused', (raw) => {
    expect(normaliseWebsite(raw)).toBeUndefined();
  });
});

describe('domainOf', () => {
  it.each([
    ['maria@Acme.com', 'acme.com'],
    ['https://www.acme.com/about', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['http://shop.acme.co.uk', 'shop.acme.co.uk'],
    ['a@', undefined],
    ['acme', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(domainOf(value)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['  Maria   Lopez ', 'Maria Lopez'],
    ['x\n\n y\t z', 'x y z'],
    ['a\u00a0b', 'a b'],
    ['zero\u200bwidth', 'zero width'],
    ['', undefined],
    ['  \u00a0\u200b ', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(cleanText(value)).toBe(expected);
  });
});

describe('nameKey', () => {
  it.each([
    ['Maria Lopez', 'maria lopez'],
    ['María  López', 'maria lopez'],
    ['  MARIA LOPEZ ', 'maria lopez'],
    ["José O'Neil-Smith", 'jose o neil smith'],
    ['Zoë\u00a0Ünal', 'zoe unal'],
    ['Ana\tRuiz', 'ana ruiz'],
    ['Dr. Ana Ruiz, PhD', 'dr ana ruiz phd'],
    // Latin letters that carry no separable accent fold too; other scripts are kept, not dropped.
    ['Łukasz Nowak', 'lukasz nowak'],
    ['Søren Ødegaard', 'soren odegaard'],
    ['Jürgen Weiß', 'jurgen weiss'],
    ['Иван Петров', 'иван петров'],
    ['李 雷', '李 雷'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(nameKey(name)).toBe(expected);
  });

  it.each([
    ['María López', 'MARIA LOPEZ'],
    ['Zoë Ünal', 'zoe  unal'],
    ['Иван Петров', 'ИВАН  ПЕТРОВ'],
    ['Łukasz Nowak', 'Lukasz Nowak'],
    ['Søren Ødegaard', 'Soren Odegaard'],
  ])('%j and %j share a key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['李 雷', '王 芳'],
    ['Иван Петров', 'Пётр Иванов'],
    ['Anna Maria Ковальчук', 'Anna Maria Петренко'],
  ])('%j and %j are different people', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});
