import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadEnv({})).toEqual({
      PORT: 4400,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LEADSYNC_ADMIN_TOKEN: undefined,
      LOG_LEVEL: 'info',
      DURABILITY: 'rename',
      CONTACT_BY_HOURS: 24,
      DEFAULT_REGION: 'US',
      TRUST_PROXY: false,
    });
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['a port', { PORT: '8080' }, { PORT: 8080 }],
    ['port 0 (any free port)', { PORT: '0' }, { PORT: 0 }],
    ['the highest port', { PORT: '65535' }, { PORT: 65535 }],
    ['an empty PORT as unset', { PORT: '' }, { PORT: 4400 }],
    ['a host', { HOST: '0.0.0.0' }, { HOST: '0.0.0.0' }],
    ['a data folder', { DATA_DIR: '/var/lib/leadsync' }, { DATA_DIR: '/var/lib/leadsync' }],
    ['an admin token', { LEADSYNC_ADMIN_TOKEN: 'a'.repeat(16) }, { LEADSYNC_ADMIN_TOKEN: 'a'.repeat(16) }],
    ['an empty admin token as unset', { LEADSYNC_ADMIN_TOKEN: '' }, { LEADSYNC_ADMIN_TOKEN: undefined }],
    ['a log level', { LOG_LEVEL: 'silent' }, { LOG_LEVEL: 'silent' }],
    ['fsync durability', { DURABILITY: 'fsync' }, { DURABILITY: 'fsync' }],
    ['contact-by hours', { CONTACT_BY_HOURS: '4.5' }, { CONTACT_BY_HOURS: 4.5 }],
    ['a region in lower case', { DEFAULT_REGION: 'gb' }, { DEFAULT_REGION: 'GB' }],
    ['one proxy hop', { TRUST_PROXY: '1' }, { TRUST_PROXY: 1 }],
    ['a proxy on this machine', { TRUST_PROXY: 'loopback' }, { TRUST_PROXY: 'loopback' }],
    ['proxies by address and subnet', { TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }, { TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }],
    ['no proxy', { TRUST_PROXY: 'false' }, { TRUST_PROXY: false }],
    ['an empty TRUST_PROXY as unset', { TRUST_PROXY: '' }, { TRUST_PROXY: false }],
  ])('reads %s', (_what, source, expected) => {
    expect(loadEnv(source)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a PORT that is not a number', { PORT: 'eighty' }, 'PORT'],
    ['TRUST_PROXY true, which would let visitors pick their address', { TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY that names no proxy', { TRUST_PROXY: 'my proxy' }, 'TRUST_PROXY'],
    ['a PORT above 65535', { PORT: '70000' }, 'PORT'],
    ['a negative PORT', { PORT: '-1' }, 'PORT'],
    ['a fractional PORT', { PORT: '80.5' }, 'PORT'],
    ['a PORT of spaces', { PORT: '  ' }, 'PORT'],
    ['a PORT in hex', { PORT: '0x50' }, 'PORT'],
    ['an empty HOST', { HOST: '' }, 'HOST'],
    ['a short admin token', { LEADSYNC_ADMIN_TOKEN: 'short' }, 'LEADSYNC_ADMIN_TOKEN'],
    ['an admin token with spaces', { LEADSYNC_ADMIN_TOKEN: 'has a space in it somewhere' }, 'LEADSYNC_ADMIN_TOKEN'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['an unknown durability', { DURABILITY: 'maybe' }, 'DURABILITY'],
    ['zero contact-by hours', { CONTACT_BY_HOURS: '0' }, 'CONTACT_BY_HOURS'],
    ['a three-letter region', { DEFAULT_REGION: 'USA' }, 'DEFAULT_REGION'],
  ])('refuses %s, naming the variable', (_what, source, name) => {
    expect(() => loadEnv(source)).toThrow(/^invalid environment: /);
    expect(() => loadEnv(source)).toThrow(new RegExp(`\\b${name}: `));
  });

  it('names every bad variable at once', () => {
    expect(() => loadEnv({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*; LOG_LEVEL: /);
  });

  it('ignores variables it does not know', () => {
    expect(loadEnv({ PATH: '/usr/bin', NODE_ENV: 'test' })).toMatchObject({ PORT: 4400 });
  });
});
