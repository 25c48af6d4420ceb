import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// The extension asks for the fewest permissions it can work with: storage for settings,
// notifications and alarms for follow-up reminders and contact-by deadline warnings, contextMenus for "Capture selection as lead",
// and host access to a local server only. A remote server's origin
// is requested at run time from the options page (optional_host_permissions), and so is every
// site, for "Scan pages automatically". scripting registers the page scanner for the origins
// held, and activeTab lets the popup's "Scan this page" scan the tab the rep is on, and no other.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  manifest: {
    name: 'Leadsync',
    description: 'Capture leads from the pages and emails you read, see their scores, and pull your next-best lead.',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'scripting', 'activeTab'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'next-lead': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Pull your next lead',
      },
    },
    browser_specific_settings: { gecko: { id: 'leadsync@leadsync.dev' } },
  },
  hooks: {
    // Manifest V2 (Firefox) has no optional_host_permissions: there, optional hosts are optional_permissions.
    'build:manifestGenerated'(_wxt, manifest) {
      if (manifest.manifest_version !== 2) return;
      manifest.optional_permissions = [...new Set([...(manifest.optional_permissions ?? []), 'https://*/*', 'http://*/*'])];
    },
    // The content script runs on every page it scans, so it bundles no phone metadata: its
    // libphonenumber is the same functions bound to the small `min` metadata, read from storage
    // (extension/content/phone-lib.ts). The server and background keep the full one (exact
    // validity and number types).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      config.resolve ??= {};
      const prior = config.resolve.alias;
      const aliases = Array.isArray(prior) ? prior : Object.entries(prior ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve.alias = [...aliases, { find: /^libphonenumber-js\/max$/, replacement: resolve('extension/content/phone-lib.ts') }];
    },
  },
  vite: () => ({
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // zod ships comments Rollup cannot place; they are harmless and drown real warnings.
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
  zip: {
    // The Firefox sources zip would otherwise take in the server and tests too.
    excludeSources: ['server/**', 'test/**', 'bench/**', 'data/**', 'bin/**'],
  },
});
