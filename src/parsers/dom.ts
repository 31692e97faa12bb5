/**
 * DOM reading helpers shared by the site parsers. They rely on attributes only, never on layout,
 * so a parse gives the same answer in happy-dom (unit tests) and in the browser.
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Inline styles webmail apps use to park views they are not showing. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Subtrees whose text is never part of what the user reads. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Longest text worth collecting from one element; cleaning truncates far below this. */
const MAX_COLLECTED_TEXT = 8_192;

function hiddenItself(el: Element, ignoreAriaHidden?: boolean): boolean {
  return (
    el.hasAttribute('hidden') ||
    (!ignoreAriaHidden && el.getAttribute('aria-hidden') === 'true') ||
    HIDDEN_STYLE.test(el.getAttribute('style') ?? '')
  );
}

export type IsVisible = (el: Element) => boolean;

/**
 * A visibility test for one parse. An element is hidden if it or any ancestor has `hidden`,
 * `aria-hidden="true"` or an inline `display:none`/`visibility:hidden` — which is how Gmail keeps
 * stale views in the DOM. Memoised because thousands of nodes share the same ancestors; the walk
 * is iterative so very deep trees cannot overflow the stack.
 *
 * `ignoreAriaHidden` leaves `aria-hidden` out: sites that open a modal over the page (LinkedIn's
 * contact-info overlay) mark everything behind it `aria-hidden="true"`, yet that page is still
 * what the user looks at.
 */
export function visibility(ignoreAriaHidden?: boolean): IsVisible {
  const cache = new Map<Element, boolean>();
  return (el) => {
    const chain: Element[] = [];
    let visible = true;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const known = cache.get(node);
      if (known !== undefined) {
        visible = known;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const node = chain[i] as Element;
      visible = visible && !hiddenItself(node, ignoreAriaHidden);
      cache.set(node, visible);
    }
    return visible;
  };
}

/** Visible matches of `selector` under `root`, in document order. */
export function allVisible(root: ParentNode, selector: string, isVisible: IsVisible): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter(isVisible);
}

/** Visible matches of the first selector that has any (selectors are ordered newest layout first). */
export function allVisibleOfFirst(root: ParentNode, selectors: readonly string[], isVisible: IsVisible): Element[] {
  for (const selector of selectors) {
    const found = allVisible(root, selector, isVisible);
    if (found.length > 0) return found;
  }
  return [];
}

/** The first visible match of the first selector that has one (selectors are ordered newest layout first). */
export function firstVisible(root: ParentNode, selectors: readonly string[], isVisible: IsVisible): Element | undefined {
  for (const selector of selectors) {
    const found = Array.from(root.querySelectorAll(selector)).find(isVisible);
    if (found) return found;
  }
  return undefined;
}

/** True if `el` has an ancestor (or is itself) matching `selector`, looking no higher than `stop`. */
export function insideAny(el: Element, selector: string, stop: Element): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.matches(selector)) return true;
  }
  return false;
}

/** An attribute's value, undefined when missing. */
export function attr(el: Element | null | undefined, name: string): string | undefined {
  return el?.getAttribute(name) ?? undefined;
}

/** The live value of a form control (what the user typed), not just its `value` attribute. */
export function inputValue(el: Element | null | undefined): string | undefined {
  if (!el || !('value' in el)) return undefined;
  return typeof el.value === 'string' ? el.value : undefined;
}

/**
 * The text a user sees in `el`: text nodes plus emoji images' `alt` (Gmail draws emoji in subjects
 * as `img[data-emoji]`), skipping hidden subtrees and scripts. Bounded, iterative.
 */
export function visibleText(el: Element): string {
  let text = '';
  const stack: Node[] = [el];
  while (stack.length > 0 && text.length < MAX_COLLECTED_TEXT) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (NOT_TEXT.has(element.localName) || hiddenItself(element)) continue;
      if (element.localName === 'img' && element.hasAttribute('data-emoji')) text += element.getAttribute('alt') ?? '';
      for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return text;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * Elements and text nodes under `root` in document order, without recursion. Used where the
 * text *between* elements carries meaning (Gmail's "to A, B, cc: C" header line).
 */
export function* inOrder(root: Element): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === TEXT_NODE || node.nodeType === ELEMENT_NODE) yield node;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
}
