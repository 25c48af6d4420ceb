import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSyntaxProblem, isDisposableDomain, roleOf } from './email.ts';

describe('emailSyntaxProblem', () => {
  it('accepts every address fast-check generates as valid (RFC 5322 atext local parts)', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => {
      expect(emailSyntaxProblem(email.toLowerCase())).toBeNull();
    }), { numRuns: 500 });
  });

  it('rejects any string without exactly one @', () => {
    fc.assert(fc.property(fc.string().filter((s) => s.split('@').length !== 2), (s) => {
      expect(emailSyntaxProblem(s)).not.toBeNull();
    }), { numRuns: 500 });
  });

  it.each<[string, string]>([
    // Inputs that make backtracking email regexes take exponential time; a single scan does not care.
    ['a long run of dots and letters', `${'a.'.repeat(5000)}@acme.com`],
    ['a long domain of hyphenated labels', `a@${'a-'.repeat(5000)}.com`],
    ['many @-free characters then a bad one', `${'a'.repeat(20000)}!`],
  ])('answers for %s', (_what, input) => {
    expect(emailSyntaxProblem(input)).not.toBeNull();
  });
});

describe('isDisposableDomain and roleOf', () => {
  it.each<[string, boolean]>([['mailinator.com', true], ['eu.mailinator.com', true], ['acme.com', false], ['com', false]])('%s disposable: %s', (d, expected) => {
    expect(isDisposableDomain(d)).toBe(expected);
  });
  it.each<[string, string | undefined]>([['info@acme.com', 'info'], ['Sales+EU@acme.com', 'sales'], ['maria@acme.com', undefined], ['information@acme.com', undefined]])('%s role: %s', (e, expected) => {
    expect(roleOf(e)).toBe(expected);
  });
});
