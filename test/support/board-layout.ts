import { afterEach, beforeEach } from 'vitest';

const rect = (x: number, y: number, width: number, height: number) =>
  ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;

/**
 * Lays the pipeline board out the way a browser would, for happy-dom, where every element is at 0,0
 * with no size: columns side by side (280 px wide, 20 apart), cards stacked in their column. The
 * drag sensors find the column under a card by where things are, so without this no drop lands.
 */
export function useBoardLayout(): void {
  let measure: typeof HTMLElement.prototype.getBoundingClientRect;
  beforeEach(() => {
    measure = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      const column = this.closest<HTMLElement>('[data-stage-id]');
      if (!column) return measure.call(this);
      const left = [...document.querySelectorAll('[data-stage-id]')].indexOf(column) * 300;
      const card = this.closest<HTMLElement>('[data-card-id]');
      if (!card) return rect(left, 0, 280, 800);
      return rect(left + 10, 60 + [...column.querySelectorAll('[data-card-id]')].indexOf(card) * 90, 260, 80);
    };
  });
  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = measure;
  });
}
