import { defineConfig } from 'wxt';

// The extension asks for the fewest permissions it can work with: storage for settings,
// alarms and notifications to warn a rep before a contact-by deadline lapses, and host access to a local server only. A remote server's origin
// is requested at run time from the options page (optional_host_permissions).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Leadsync',
    description: 'Capture leads from the pages and emails you read, see their scores, and pull your next-best lead.',
    permissions: ['storage', 'alarms', 'notifications'],
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
