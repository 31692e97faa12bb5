import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core, pinned in package.json, as its own minified build: what the browser runs. */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe on one document (a page, or the panel's frame alone: the Gmail fixture around it is not
 * Clyde's) against WCAG 2.2 A and AA and axe's best practices, and returns each violation as a
 * line a failing test prints: rule, impact, what to fix, where.
 * Evaluated through the debugger protocol, which extension pages' CSP does not block.
 */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(`${AXE}\n;0`);
  const violations = await target.evaluate<Violation[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
      .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) })))
  `);
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  );
}

/**
 * The relative luminance (0 black … 1 white) of the colour a document is painted in: its body's
 * background, else its root's; null when neither paints. A canvas turns Tailwind's oklch() into
 * sRGB. A string, not a function: tsx would wrap a named function in a helper the page lacks.
 */
export function paintedLuminance(target: Page | Frame): Promise<number | null> {
  return target.evaluate<number | null>(`(() => {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d');
    for (const el of [document.body, document.documentElement]) {
      const css = getComputedStyle(el).backgroundColor;
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      if (a < 128) continue;
      const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    }
    return null;
  })()`);
}
