import { h, render } from 'preact';
import { createShadowRootUi, defineContentScript } from '#imports';
import badgeCss from '../content/badge.css?inline';
import { Badge } from '../content/Badge.tsx';
import { startScanner } from '../content/scanner.ts';
import { send } from '../sync/messages.ts';

/** The page's region from its language tag (en-GB → GB), for phone numbers without a country code. */
function pageRegion(doc: Document): string {
  const lang = doc.documentElement.lang || navigator.language || '';
  const match = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang);
  return match?.[1]?.toUpperCase() ?? 'US';
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const scanner = startScanner({
      doc: document,
      url: () => location.href,
      region: pageRegion(document),
      send,
      signal: ctx.signal,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      async mount(model, anchor, placement, onCapture) {
        const ui = await createShadowRootUi(ctx, {
          name: 'leadsync-badge',
          position: 'inline',
          anchor,
          append: placement === 'after' ? 'after' : 'last',
          css: badgeCss,
          onMount(container, _shadow, host) {
            host.setAttribute('leadsync-key', model.key);
            container.style.display = 'inline';
            render(h(Badge, { model, onCapture }), container);
            return container;
          },
          onRemove(container) {
            if (container) render(null, container);
          },
        });
        ui.mount();
        return () => ui.remove();
      },
    });
    await scanner.scan();
  },
});
