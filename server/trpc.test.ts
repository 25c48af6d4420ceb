import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureInput, leadPatch } from '../shared/schemas/lead.ts';
import { lookupInput, listInput } from '../shared/schemas/api.ts';
import { describeIssues } from './trpc.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return describeIssues(result.error);
};

describe('describeIssues', () => {
  it.each<[string, z.ZodType, unknown, string, string[]]>([
    ['a bad email', captureInput, { email: 'not-an-email', source: { kind: 'manual' } }, 'email: is not a valid email address', ['email']],
    ['a bad phone', captureInput, { phone: '12', source: { kind: 'manual' } }, 'phone: is not a possible phone number', ['phone']],
    ['no email and no phone', captureInput, { name: 'X', source: { kind: 'manual' } }, 'email: at least one of email or phone is required', ['email']],
    ['a nested field', captureInput, { email: 'a@b.co', source: { kind: 'fax' } }, 'source.kind: ', ['source.kind']],
    ['a missing object', captureInput, { email: 'a@b.co' }, 'source: ', ['source']],
    ['a record entry', captureInput, { email: 'a@b.co', source: { kind: 'manual' }, provenance: { email: { confidence: 3 } } }, 'provenance.email.confidence: ', ['provenance.email.confidence']],
    ['too many emails', lookupInput, { emails: Array.from({ length: 201 }, () => 'a@b.co') }, 'emails: ', ['emails']],
    ['a limit over 100', listInput, { limit: 101 }, 'limit: ', ['limit']],
    ['a whole input of the wrong type', captureInput, 'a string', 'input: ', ['input']],
    ['an unknown key in a patch', leadPatch, { ownerId: 'usr_1' }, 'input: ', ['input']],
  ])('%s', (_what, schema, value, messageStart, fields) => {
    const { message, fields: got } = issuesOf(schema, value);
    expect(message.startsWith(messageStart)).toBe(true);
    expect(got).toEqual(fields);
  });

  it('joins several problems and lists each field once', () => {
    const schema = z.object({ a: z.string().min(3).regex(/^x/), b: z.number() });
    const { message, fields } = issuesOf(schema, { a: 'y', b: 'no' });
    expect(message.split('; ')).toHaveLength(3);
    expect(message).toMatch(/^a: .*; a: .*; b: /);
    expect(fields).toEqual(['a', 'b']);
  });

  it('names array items by index', () => {
    const { message, fields } = issuesOf(z.object({ list: z.array(z.number()) }), { list: [1, 'two'] });
    expect(message).toMatch(/^list\.1: /);
    expect(fields).toEqual(['list.1']);
  });

  it('names the key an unknown-key error is about', () => {
    expect(issuesOf(leadPatch, { ownerId: 'usr_1' }).message).toContain('ownerId');
  });
});
