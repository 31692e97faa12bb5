import { displayName, type Correspondent } from '../parsers/schema';
import { db } from '../storage/db';
import { AddField } from './AddField';
import { Avatar } from './Avatar';
import { CompanyStory } from './later-parts';
import { WorkLine } from './WorkLine';
import { t } from '../i18n';

/** Someone Clyde has not met: their company's story when Clyde knows it, who they are, and one field to start remembering them. */
export function EmptyState({ correspondent: c }: { correspondent: Correspondent }) {
  const name = displayName(c) ?? '';
  return (
    <div data-testid="new-person">
      <CompanyStory correspondent={c} />
      <header className="flex items-start gap-3">
        <Avatar name={name} url={c.avatarUrl} />
        <div className="min-w-0">
          <div className="truncate text-base font-semibold" dir="auto" data-testid="person-name">
            {name}
          </div>
          <WorkLine headline={c.headline} company={c.company} location={c.location} />
          {c.email && c.email !== name && <div className="truncate text-xs text-slate-500">{c.email}</div>}
        </div>
      </header>
      <p className="mt-4 text-slate-600">
        {c.name ? (
          <>
            {t('emptyState.newNamed.before')}
            <bdi>{c.name}</bdi>
            {t('emptyState.newNamed.after')}
          </>
        ) : (
          t('emptyState.newUnnamed')
        )}
      </p>
      <AddField
        label={t('emptyState.firstNote')}
        placeholder={t('emptyState.firstNotePlaceholder')}
        multiline
        // The write path loads on the first note, not with the panel's first look.
        onAdd={async (body) => (await import('../storage/records/identity')).ensurePersonWithNote(db, c, body)}
      />
    </div>
  );
}
