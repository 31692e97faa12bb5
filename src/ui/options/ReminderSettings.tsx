import type { SettingsArea, SettingsEvents } from '../../settings/display-mode';
import { loadReminders, readReminders, REMINDERS_KEY, saveReminders, type ReminderSettings as Settings } from '../../settings/reminders';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { useStoredSetting } from './useStoredSetting';
import { t } from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** `08:30` from a time input; undefined while the field is half typed (it reads as empty then). */
function minutesOf(value: string): number | undefined {
  const m = /^(\d{2}):(\d{2})/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * Settings → Reminders: the daily digest on or off and its time, and reminders at a task's due
 * time. The background reschedules its alarms as soon as the change is stored.
 */
export function ReminderSettings({ area, events }: { area: SettingsArea; events: SettingsEvents }) {
  const [settings, setSettings] = useStoredSetting(area, events, REMINDERS_KEY, readReminders, loadReminders);
  const { error, run } = useAction();
  if (!settings) return null;
  const save = (change: Partial<Settings>) => {
    // Shown at once; a failed save puts back what is really stored, and says why.
    setSettings({ ...settings, ...change });
    void run(() =>
      saveReminders(area, change).catch(async (err: unknown) => {
        setSettings(await loadReminders(area));
        throw err;
      }),
    );
  };
  return (
    <section className="mt-6 space-y-2" aria-labelledby="reminders-title">
      <h2 id="reminders-title" className="text-base font-semibold">
        {t('reminders.title')}
      </h2>
      <div className="flex items-center gap-2 text-sm">
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={settings.digest} onChange={(e) => save({ digest: e.target.checked })} />
          {t('reminders.digestAt')}
        </label>
        <input
          type="time"
          aria-label={t('reminders.digestTime')}
          value={hhmm(settings.digestAt)}
          disabled={!settings.digest}
          onChange={(e) => {
            const minutes = minutesOf(e.target.value);
            if (minutes !== undefined) save({ digestAt: minutes });
          }}
          className="rounded border border-slate-300 px-1 py-0.5 text-sm"
        />
      </div>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={settings.dueTimes} onChange={(e) => save({ dueTimes: e.target.checked })} />
        {t('reminders.dueTimes')}
      </label>
      <p className="text-sm text-slate-600">{t('reminders.help')}</p>
      <ErrorLine error={error} />
    </section>
  );
}
