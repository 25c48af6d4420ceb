import { h, render } from 'preact';
import type { ContentScriptContext } from '#imports';
import badgeCss from './badge.css?inline';
import reviewCss from './review.css?inline';
import { Badge } from './Badge.tsx';
import type { BadgeModel } from './badge-state.ts';
import { ReviewCard } from './ReviewCard.tsx';
import type { ReviewModel } from './review-state.ts';

// The page's styles stop at the shadow root; `all: initial` stops what the host would inherit.
const BADGE_SHADOW_CSS = `:host{all:initial !important;}\n${badgeCss}`;

// Page CSS such as `* { display: none !important }` reaches our host elements; an inline
// !important declaration is the one thing that outranks it.
function shield(host: HTMLElement, display: string): void {
  host.style.setProperty('display', display, 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('opacity', '1', 'important');
  host.style.setProperty('font-size', '13px', 'important');
}

/** A host element of ours with an open shadow root holding the styles and a container to render into. */
function shadowHost(name: string, display: string, css: string, tag: 'span' | 'div'): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(name);
  shield(host, display);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement(tag);
  shadow.append(style, container);
  return { host, container };
}

/**
 * A badge in its own shadow root, built by hand: a page may hold hundreds, and WXT's UI helper
 * (an isolated document per UI, its CSS split anew each time) costs a millisecond or more apiece.
 * Blink shares the parsed stylesheet between shadow roots whose <style> text is the same.
 */
export async function mountBadge(ctx: ContentScriptContext, model: BadgeModel, anchor: Element, placement: 'after' | 'append', onOpen: (m: BadgeModel) => void): Promise<() => void> {
  const { host, container } = shadowHost('leadsync-badge', 'inline', BADGE_SHADOW_CSS, 'span');
  host.setAttribute('leadsync-key', model.key);
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

/** Opens the review card at the end of the page's body; only one at a time. Returns a function that closes it. */
let openCard: (() => void) | undefined;
export async function mountReview(ctx: ContentScriptContext, model: ReviewModel, onSave: () => void, onClose: () => void): Promise<() => void> {
  openCard?.();
  const { host, container } = shadowHost('leadsync-review', 'block', reviewCss, 'div');
  (document.body ?? document.documentElement).append(host);
  render(h(ReviewCard, { model, onSave, onCancel: onClose }), container);
  (container.querySelector('input[name="name"]') as HTMLInputElement | null)?.focus();
  const remove = () => {
    render(null, container);
    host.remove();
  };
  const forget = ctx.onInvalidated(remove);
  let closed = false;
  // Once only: a card closed by the next one must not, when its own timer fires, take the next one with it.
  const close = () => {
    if (closed) return;
    closed = true;
    forget();
    remove();
    if (openCard === close) openCard = undefined;
  };
  openCard = close;
  return close;
}
