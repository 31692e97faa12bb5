import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/**
 * A React root in a fresh container for each test of a happy-dom component file. Call it after the
 * file's own hooks: vitest runs `afterEach` hooks last-registered first, so the root unmounts before
 * the database or server the component reads from is closed.
 */
export function testRoot(): { readonly container: HTMLElement; render(node: ReactNode): void } {
  let root: Root;
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });
  return {
    get container() {
      return container;
    },
    render: (node) => root.render(node),
  };
}

/** Sets a field's value the way React notices (through its value tracker), then fires `input`. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
