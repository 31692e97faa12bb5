import type { Entity } from '../../storage/schema';
import { mayDelete } from '../../sync/delete-rule';
import type { ShareViewer } from './share-viewer';
import { t } from '../../i18n';

/**
 * Why the viewer may not delete a record, or undefined when they may: the server's rule
 * (sync/delete-rule.ts), applied before the click so the panel never offers a delete that would
 * be refused and come back. Before the role is known (a device that has not synced since this
 * build) a member is assumed: an admin gets Delete back after the next sync.
 */
export function deleteRefusal(
  who: ShareViewer | undefined,
  entity: Entity,
  record: { ownerId: string; scope: string },
): string | undefined {
  if (!who?.device || !who.account) return undefined;
  if (mayDelete({ entity, ...record }, { userId: who.device.userId, role: who.role })) return undefined;
  return t('syncMore.deleteRefused');
}
