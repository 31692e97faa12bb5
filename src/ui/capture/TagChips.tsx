import { TAGS, type Tag } from '../../storage/schema';
import { TAG_LABELS, keysLabel, shortcut, tagShortcutId } from '../shortcuts';

/** The one-key tags, each showing the shortcut that sets it while typing. */
export function TagChips({ tag, onPick }: { tag: Tag | undefined; onPick: (tag: Tag) => void }) {
  return (
    <div role="group" aria-label="Tag" className="mt-1 flex flex-wrap gap-1">
      {TAGS.map((t) => {
        const keys = keysLabel(shortcut(tagShortcutId(t)));
        return (
          <button
            key={t}
            type="button"
            aria-pressed={tag === t}
            aria-keyshortcuts={keys.replaceAll('⌥', 'Alt+')}
            title={`Tag as ${TAG_LABELS[t]} (${keys})`}
            onClick={() => onPick(t)}
            className="rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-800"
          >
            {TAG_LABELS[t]} <kbd className="font-sans text-[10px] text-slate-400">{keys}</kbd>
          </button>
        );
      })}
    </div>
  );
}
