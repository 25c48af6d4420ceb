import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleServer } from './bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `npm start`: builds the extension, compiles the server, then runs the compiled server in this
 * process and says how to load the extension.
 */
export async function start(): Promise<void> {
  const wxt = `${root}node_modules/.bin/wxt`;
  if (!existsSync(wxt)) throw new Error('wxt is not installed: run npm install first');
  process.stdout.write('Building the extension…\n');
  const build = spawnSync(wxt, ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the extension build failed (see above)');
  const dir = `${root}.output/chrome-mv3`;
  process.stdout.write('Compiling the server…\n');
  const bundle = await bundleServer(root);
  const { serve } = (await import(pathToFileURL(bundle.serve).href)) as typeof import('./serve.ts');
  await serve(() => {
    process.stdout.write(
      `\nExtension built into ${dir}\nLoad it: open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick that folder.\n` +
        `Then open the extension's options, enter the server URL and your token, and click "Test connection".\n`,
    );
  });
}
