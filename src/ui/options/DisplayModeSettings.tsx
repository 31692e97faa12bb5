import { loadModes, saveMode, type DisplayMode, type MailSite, type SettingsArea, type SettingsEvents } from '../../settings/display-mode';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { useDisplayModes } from './useDisplayModes';
import { t } from '../../i18n';

const SITES: { site: MailSite; label: string }[] = [
  { site: 'gmail', label: 'Gmail' },
  { site: 'outlook', label: 'Outlook' },
];

const MODES: { mode: DisplayMode; label: () => string }[] = [
  { mode: 'injected', label: () => t('displayMode.injected') },
  { mode: 'side-panel', label: () => t('displayMode.sidePanel') },
];

/**
 * Settings → Where Clyde appears: per webmail site, the panel injected beside the mail or the
 * browser's side panel. Open mail tabs follow a change at once.
 */
export function DisplayModeSettings({ area, events }: { area: SettingsArea; events: SettingsEvents }) {
  const [modes, setModes] = useDisplayModes(area, events);
  const { error, run } = useAction();
  if (!modes) return null;
  return (
    <section className="space-y-3" aria-labelledby="display-mode-title">
      <h2 id="display-mode-title" className="text-base font-semibold">
        {t('displayMode.title')}
      </h2>
      {SITES.map(({ site, label }) => (
        <fieldset key={site} className="space-y-1">
          <legend className="text-sm font-medium">{label}</legend>
          {MODES.map(({ mode, label: modeLabel }) => (
            <label key={mode} className="mr-4 inline-flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`display-mode-${site}`}
                value={mode}
                checked={modes[site] === mode}
                onChange={() => {
                  // Shown at once (a controlled radio would otherwise snap back until storage answers);
                  // a failed save puts back what is really stored, and says why.
                  setModes({ ...modes, [site]: mode });
                  void run(() =>
                    saveMode(area, site, mode).catch(async (error: unknown) => {
                      setModes(await loadModes(area));
                      throw error;
                    }),
                  );
                }}
              />
              {modeLabel()}
            </label>
          ))}
        </fieldset>
      ))}
      <p className="text-sm text-slate-600">{t('displayMode.help')}</p>
      <ErrorLine error={error} />
    </section>
  );
}
