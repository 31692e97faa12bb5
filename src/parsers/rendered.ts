import type { IsVisible } from './dom';

/** Inline styles that take an element out of the rendering. */
const NOT_RENDERED_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Like `visibility()` but ignoring `aria-hidden`: sites that open a modal over the page
 * (LinkedIn's contact-info overlay) mark everything behind it `aria-hidden="true"`, yet that
 * page is still what the user looks at. An element is hidden only if it or an ancestor has
 * `hidden` or an inline `display:none`/`visibility:hidden`. Memoised and iterative.
 */
export function rendered(): IsVisible {
  const cache = new Map<Element, boolean>();
  return (el) => {
    const chain: Element[] = [];
    let shown = true;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const known = cache.get(node);
      if (known !== undefined) {
        shown = known;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const node = chain[i] as Element;
      shown = shown && !node.hasAttribute('hidden') && !NOT_RENDERED_STYLE.test(node.getAttribute('style') ?? '');
      cache.set(node, shown);
    }
    return shown;
  };
}
