import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compiles the server and the CLI into plain JavaScript under `.output/server`. Running the
 * compiled server saves the TypeScript loader and its per-module caches: about 85 MB of RSS,
 * and a faster start. `leadsync serve` keeps running the sources, for development and tests.
 */
export async function bundleServer(root: string, dir = join(root, '.output', 'server')): Promise<{ dir: string; main: string; serve: string }> {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/cli/main.ts', serve: 'server/cli/serve.ts' },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    define: { LEADSYNC_VERSION: JSON.stringify((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version) },
    // Some dependencies are CommonJS and call require(); ESM output has no require of its own.
    banner: { js: "import { createRequire as __leadsyncRequire } from 'node:module'; const require = __leadsyncRequire(import.meta.url);" },
  });
  return { dir, main: join(dir, 'main.js'), serve: join(dir, 'serve.js') };
}
