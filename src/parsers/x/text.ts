import { visibleText } from '../dom';

/** Longest text collected from one element; cleaning truncates far below this. */
const MAX_COLLECTED = 8_192;
const HIDDEN = /(?:^|;)\s*display\s*:\s*none/i;

/**
 * What the user reads in `el`, with emoji: X draws every emoji as `<img alt="⛩️">` (no marker
 * attribute), so an image's `alt` counts as text here. Hidden subtrees are skipped as in
 * `visibleText`; iterative and bounded.
 */
export function textWithEmoji(el: Element): string {
  if (!el.querySelector('img[alt]')) return visibleText(el);
  let text = '';
  const stack: Node[] = [el];
  while (stack.length > 0 && text.length < MAX_COLLECTED) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.localName === 'script' || element.localName === 'style') continue;
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
    if (HIDDEN.test(element.getAttribute('style') ?? '')) continue;
    if (element.localName === 'img') text += element.getAttribute('alt') ?? '';
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return text;
}
