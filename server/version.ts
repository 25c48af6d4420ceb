import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's version, from the package.json above the sources. */
function readVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'leadsync' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

// The compiled server has its version written in at build time (see cli/bundle.ts).
declare const LEADSYNC_VERSION: string | undefined;

export const VERSION: string = typeof LEADSYNC_VERSION === 'string' ? LEADSYNC_VERSION : readVersion();
