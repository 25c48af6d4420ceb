import { describe, expect, it } from 'vitest';
import { companyDomain, dedupeKeys, type DedupeFields } from './dedupe.ts';

describe('companyDomain', () => {
  it.each<[string, DedupeFields, string | undefined]>([
    ['the website’s domain, without www.', { website: 'https://www.acme.com/team', email: 'maria@other.com' }, 'acme.com'],
    ['the email’s domain without a website', { email: 'maria@acme.com' }, 'acme.com'],
    ['nothing for a free-mail address', { email: 'maria@gmail.com' }, undefined],
    ['nothing for a free-mail address in capitals', { email: 'maria@GMAIL.COM' }, undefined],
    ['the website even with a free-mail address', { email: 'maria@gmail.com', website: 'https://acme.com' }, 'acme.com'],
    ['nothing without either', { name: 'Maria Lopez', phone: '+14155550132' }, undefined],
  ])('%s', (_what, fields, expected) => {
    expect(companyDomain(fields)).toBe(expected);
  });
});

describe('dedupeKeys', () => {
  it.each<[string, DedupeFields, string[]]>([
    ['email only', { email: 'maria@acme.com' }, ['email:maria@acme.com']],
    ['phone only', { phone: '+14155550132' }, ['phone:+14155550132']],
    [
      'email, phone, then domain plus name, strongest first',
      { name: 'María López', email: 'maria@acme.com', phone: '+14155550132' },
      ['email:maria@acme.com', 'phone:+14155550132', 'name:acme.com|maria lopez'],
    ],
    [
      'alternates after the primary',
      { email: 'a@acme.com', otherEmails: ['b@acme.com'], phone: '+14155550132', otherPhones: ['+14155550133'] },
      ['email:a@acme.com', 'email:b@acme.com', 'phone:+14155550132', 'phone:+14155550133'],
    ],
    ['the website’s domain for the name key', { name: 'Maria Lopez', phone: '+14155550132', website: 'https://www.acme.com' }, ['phone:+14155550132', 'name:acme.com|maria lopez']],
    ['no name key for a single name', { name: 'Maria', email: 'maria@acme.com' }, ['email:maria@acme.com']],
    ['no name key on free mail', { name: 'Maria Lopez', email: 'maria.lopez@gmail.com' }, ['email:maria.lopez@gmail.com']],
    ['no name key without a name', { email: 'maria@acme.com', website: 'acme.com' }, ['email:maria@acme.com']],
    ['a name key for a name in another script', { name: 'Иван Петров', website: 'acme.ru' }, ['name:acme.ru|иван петров']],
    ['nothing for empty fields', { name: '', email: '', phone: '' }, []],
  ])('%s', (_what, fields, expected) => {
    expect(dedupeKeys(fields)).toEqual(expected);
  });

  it.each([
    [{ name: 'María López', website: 'https://acme.com' }, { name: 'MARIA LOPEZ', email: 'm.lopez@acme.com' }],
    [{ name: 'Ana Ruiz', website: 'http://www.acme.com/about' }, { name: 'ana  ruiz', website: 'acme.com' }],
  ])('%j and %j share the name key', (a, b) => {
    const nameKeyOf = (f: DedupeFields) => dedupeKeys(f).find((k) => k.startsWith('name:'));
    expect(nameKeyOf(a)).toBeDefined();
    expect(nameKeyOf(a)).toBe(nameKeyOf(b));
  });
});
