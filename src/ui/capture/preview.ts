import { formatWhen } from '../../capture/dates';
import { planCapture, type CaptureInput } from '../../capture/plan';
import type { Captured } from '../../capture/capture';
import { t } from '../../i18n';

/**
 * What pressing Enter would do, shown under the box while typing, so the user sees how a date
 * or a "key: value" was understood before anything is saved. `warn` marks what would fail.
 */
export function previewOf(input: CaptureInput, now: Date, dayFirst: boolean): { text: string; warn: boolean } | undefined {
  if (!input.text.trim() || !input.tag) return undefined;
  try {
    const plan = planCapture(input, now, { dayFirst });
    if (plan.to === 'preference')
      return {
        text: t('capturePreview.remember', { what: plan.key ? `${plan.key} → ${plan.value}` : plan.value }).slice(0, 200),
        warn: false,
      };
    if (plan.to === 'task')
      return {
        text: plan.date ? t('capturePreview.taskDue', { when: formatWhen(plan.date.day, now) }) : t('capturePreview.taskNoDate'),
        warn: false,
      };
    return plan.date ? { text: t('capturePreview.lifeEvent', { when: formatWhen(plan.date.day, now) }), warn: false } : undefined;
  } catch (e) {
    return { text: (e as Error).message, warn: true };
  }
}

export function savedText(result: Captured, now: Date): string {
  if (result.plan.to === 'preference') return t('capturePreview.savedRemember');
  if (result.plan.to === 'task')
    return result.plan.date
      ? t('capturePreview.taskAddedDue', { when: formatWhen(result.plan.date.day, now) })
      : t('capturePreview.taskAdded');
  return t('capturePreview.noteSaved');
}
