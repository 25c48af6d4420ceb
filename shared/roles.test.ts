import { describe, expect, it } from 'vitest';
import { hasRole, ROLES, type Role } from './roles.ts';

describe('hasRole', () => {
  it.each<[Role, Role, boolean]>([
    ['rep', 'rep', true],
    ['rep', 'lead', false],
    ['rep', 'admin', false],
    ['lead', 'rep', true],
    ['lead', 'lead', true],
    ['lead', 'admin', false],
    ['admin', 'rep', true],
    ['admin', 'lead', true],
    ['admin', 'admin', true],
  ])('a %s has the %s role: %s', (actual, required, expected) => {
    expect(hasRole(actual, required)).toBe(expected);
  });

  it('covers every role of the contract', () => {
    expect(ROLES).toEqual(['rep', 'lead', 'admin']);
  });
});
