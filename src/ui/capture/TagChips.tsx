import { TAGS, type Tag } from '../../storage/schema';
import { keysLabel, shortcut, tagShortcutId } from '../shortcuts';
import { tagName } from '../../names';
import { t } from '../../i18n';

/** The one-key tags, each showing the shortcut that sets it while typing. */
export function TagChips({ tag: picked, onPick }: { tag: Tag | undefined; onPick: (tag: Tag) => void }) {
  return (
    <div role="group" aria-label={t('capture.tag')} className="mt-1 flex flex-wrap gap-1">
      {TAGS.map((tag) => {
        const keys = keysLabel(shortcut(tagShortcutId(tag)));
        return (
          <button
            key={tag}
            type="button"
            aria-pressed={picked === tag}
            aria-keyshortcuts={keys.replaceAll('⌥', 'Alt+')}
            title={t('capture.tagAs', { tag: tagName(tag), keys })}
            onClick={() => onPick(tag)}
            className="rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-800"
          >
            {tagName(tag)} <kbd className="font-sans text-[10px] text-slate-400">{keys}</kbd>
          </button>
        );
      })}
    </div>
  );
}
