import { SHORTCUTS, keysLabel, type ShortcutScope } from '../shortcuts';
import { t } from '../../i18n';

export type Place = [ShortcutScope, string];
const PANEL: Place[] = [
  ['panel', t('shortcuts.place.panel')],
  ['capture box', t('shortcuts.place.captureBox')],
  ['page', t('shortcuts.place.page')],
];
const HOME: Place = ['home', t('shortcuts.place.home')];

/** Every shortcut of `places`, from the one list; shown by the panel's "?", Home's "?" and the options page. */
export function ShortcutList({ places = PANEL }: { places?: Place[] }) {
  return (
    <div className="space-y-2 text-xs">
      {places.map(([scope, heading]) => (
        <section key={scope} aria-label={heading}>
          <h3 className="font-semibold text-slate-600">{heading}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
              <div key={s.id} className="contents" data-testid="shortcut">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">{keysLabel(s)}</kbd>
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** Home's own keys, and the capture box's for its person page. */
export const HOME_PLACES: Place[] = [HOME, PANEL[1]!];

/** The options page's section. */
export function ShortcutsSettings() {
  return (
    <section aria-label={t('shortcuts.title')} className="mt-8">
      <h2 className="mb-2 text-base font-semibold">{t('shortcuts.title')}</h2>
      <ShortcutList places={[...PANEL, HOME]} />
    </section>
  );
}
