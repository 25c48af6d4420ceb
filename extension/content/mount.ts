import { h, render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import badgeCss from './badge.css?inline';
import reviewCss from './review.css?inline';
import { Badge } from './Badge.tsx';
import type { BadgeModel } from './badge-state.ts';
import { ReviewCard } from './ReviewCard.tsx';
import type { ReviewModel } from './review-state.ts';

// Page CSS such as `* { display: none !important }` reaches our host elements; an inline
// !important declaration is the one thing that outranks it.
function shield(host: HTMLElement, display: string): void {
  host.style.setProperty('display', display, 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('opacity', '1', 'important');
  host.style.setProperty('font-size', '13px', 'important');
}

export async function mountBadge(ctx: ContentScriptContext, model: BadgeModel, anchor: Element, placement: 'after' | 'append', onOpen: (m: BadgeModel) => void): Promise<() => void> {
  const ui = await createShadowRootUi(ctx, {
    name: 'leadsync-badge',
    position: 'inline',
    anchor,
    append: placement === 'after' ? 'after' : 'last',
    css: badgeCss,
    onMount(container, _shadow, host) {
      host.setAttribute('leadsync-key', model.key);
      shield(host, 'inline');
      container.style.display = 'inline';
      render(h(Badge, { model, onCapture: onOpen }), container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return () => ui.remove();
}

/** Opens the review card; only one at a time. Returns a function that closes it. */
let openCard: (() => void) | undefined;
export async function mountReview(ctx: ContentScriptContext, model: ReviewModel, onSave: () => void, onClose: () => void): Promise<() => void> {
  openCard?.();
  const ui = await createShadowRootUi(ctx, {
    name: 'leadsync-review',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: reviewCss,
    onMount(container, _shadow, host) {
      shield(host, 'block');
      render(h(ReviewCard, { model, onSave, onCancel: onClose }), container);
      (container.querySelector('input[name="name"]') as HTMLInputElement | null)?.focus();
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  let closed = false;
  // Once only: a card closed by the next one must not, when its own timer fires, take the next one with it.
  const close = () => {
    if (closed) return;
    closed = true;
    ui.remove();
    if (openCard === close) openCard = undefined;
  };
  openCard = close;
  return close;
}
