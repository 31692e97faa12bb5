import { useRef, useState } from 'react';
import { capture } from '../../capture/capture';
import { localeIsDayFirst } from '../../capture/dates';
import { db } from '../../storage/db';
import { TAGS, type Tag } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { keysLabel, matches, shortcut, tagShortcutId, useShortcut } from '../shortcuts';
import { useAction } from '../useAction';
import { TagChips } from './TagChips';
import { useDraft } from './useDraft';
import { previewOf, savedText } from './preview';
import { t } from '../../i18n';

const dayFirst = localeIsDayFirst(navigator.language);

/**
 * One box for everything learned about the person: Enter saves, Shift+Enter is a new line, and
 * Alt+letter tags what is being typed. The text stays until the save succeeds, so a refused or
 * failed save loses nothing, and it outlives a reload of the page (useDraft).
 */
export function CaptureBox({ personId }: { personId: string }) {
  const [text, setText] = useDraft(`clyde.capture-draft.${personId}`);
  const [tag, setTag] = useState<Tag | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const { error, run } = useAction();
  const box = useRef<HTMLTextAreaElement>(null);
  useShortcut('capture.focus', () => box.current?.focus());

  const toggle = (t: Tag) => setTag((current) => (current === t ? undefined : t));
  const save = async () => {
    const now = new Date();
    await run(async () => {
      const result = await capture(db, personId, { text, tag }, now, { dayFirst });
      setText('');
      setTag(undefined);
      setSaved(savedText(result, now));
    });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const key = e.nativeEvent;
    const picked = TAGS.find((t) => matches(shortcut(tagShortcutId(t)), key));
    if (picked) {
      e.preventDefault();
      toggle(picked);
    } else if (matches(shortcut('capture.clear-tag'), key) && tag) {
      e.preventDefault();
      setTag(undefined);
    } else if (matches(shortcut('capture.save'), key)) {
      e.preventDefault();
      void save();
    }
  };
  const preview = previewOf({ text, tag }, new Date(), dayFirst);

  return (
    <div className="mt-1" data-testid="capture">
      <textarea
        ref={box}
        aria-label={t('capture.quick')}
        aria-keyshortcuts={keysLabel(shortcut('capture.focus'))}
        placeholder={t('capture.placeholder')}
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(undefined);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-slate-300 px-2 py-1 focus:border-blue-600 focus:outline-none"
      />
      <TagChips
        tag={tag}
        onPick={(t) => {
          toggle(t);
          box.current?.focus();
        }}
      />
      <p
        role="status"
        data-testid="capture-preview"
        className={`mt-1 min-h-4 text-xs ${preview?.warn ? 'text-amber-700' : 'text-slate-500'}`}
      >
        {preview?.text ?? saved}
      </p>
      <ErrorLine error={error} />
    </div>
  );
}
