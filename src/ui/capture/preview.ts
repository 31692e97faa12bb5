import { formatWhen } from '../../capture/dates';
import { planCapture, type CaptureInput } from '../../capture/plan';
import type { Captured } from '../../capture/capture';

/**
 * What pressing Enter would do, shown under the box while typing, so the user sees how a date
 * or a "key: value" was understood before anything is saved. `warn` marks what would fail.
 */
export function previewOf(input: CaptureInput, now: Date, dayFirst: boolean): { text: string; warn: boolean } | undefined {
  if (!input.text.trim() || !input.tag) return undefined;
  try {
    const plan = planCapture(input, now, { dayFirst });
    if (plan.to === 'preference')
      return { text: `Remember: ${plan.key ? `${plan.key} → ${plan.value}` : plan.value}`.slice(0, 200), warn: false };
    if (plan.to === 'task') return { text: plan.date ? `Task, due ${formatWhen(plan.date.day, now)}` : 'Task, no due date', warn: false };
    return plan.date ? { text: `Life event on ${formatWhen(plan.date.day, now)}`, warn: false } : undefined;
  } catch (e) {
    return { text: (e as Error).message, warn: true };
  }
}

export function savedText(result: Captured, now: Date): string {
  if (result.plan.to === 'preference') return 'Saved to Remember.';
  if (result.plan.to === 'task') return result.plan.date ? `Task added, due ${formatWhen(result.plan.date.day, now)}.` : 'Task added.';
  return 'Note saved.';
}
