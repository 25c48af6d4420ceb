import { h, render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import badgeCss from './badge.css?inline';
import reviewCss from './review.css?inline';

// The page's styles stop at the shadow root; `all: initial` stops what the host would inherit.
const BADGE_SHADOW_CSS = `:host{all:initial !important;}\n${badgeCss}`;
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

/**
 * A badge in its own shadow root, built by hand: a page may hold hundreds, and WXT's UI helper
 * (an isolated document per UI, its CSS split anew each time) costs a millisecond or more apiece.
 * Blink shares the parsed stylesheet between shadow roots whose <style> text is the same.
 */
export async function mountBadge(ctx: ContentScriptContext, model: BadgeModel, anchor: Element, placement: 'after' | 'append', onOpen: (m: BadgeModel) => void): Promise<() => void> {
  const host = document.createElement('leadsync-badge');
  host.setAttribute('leadsync-key', model.key);
  shield(host, 'inline');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_SHADOW_CSS;
  const container = document.createElement('span');
  shadow.append(style, container);
  if (placement === 'after') anchor.after(host);
  else anchor.append(host);
  render(h(Badge, { model, onCapture: onOpen }), container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  const forget = ctx.onInvalidated(remove);
  return () => {
    forget();
    remove();
  };
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
  const close = () => {
    ui.remove();
    if (openCard === close) openCard = undefined;
  };
  openCard = close;
  return close;
}
