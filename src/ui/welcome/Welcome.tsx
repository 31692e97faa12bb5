import type { ReactNode } from 'react';
import type { SettingsArea, SettingsEvents } from '../../settings/display-mode';
import type { Fetch } from '../../sync/client/api';
import { DisplayModeSettings } from '../options/DisplayModeSettings';
import { ImportContacts } from '../options/ImportContacts';
import { closeThisTab } from './closeThisTab';
import { JoinTeamStep } from './JoinTeamStep';
import { WhatClydeDoes } from './WhatClydeDoes';
import { t } from '../../i18n';

/** Where "Open Gmail and try it" goes: Gmail's own address, which lands on the inbox. */
const GMAIL_URL = 'https://mail.google.com/';

const focus = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700';

/** One optional step: Settings' own component in a card, so the two never drift apart. */
function Step({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <p className="mb-2 text-xs tracking-wide text-slate-500 uppercase">{t('welcome.optional')}</p>
      {children}
    </div>
  );
}

/**
 * The page a new install opens: what Clyde does, where it shows up, and the first steps, every
 * one optional. Start and Skip sit before the steps, so either is one click (or two Tabs) away
 * without reading further.
 */
export function Welcome({ area, events, fetch }: { area: SettingsArea; events: SettingsEvents; fetch: Fetch }) {
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <h1 className="text-xl font-semibold">{t('welcome.pageTitle')}</h1>
      <WhatClydeDoes />
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t('welcome.start')}>
        <a href={GMAIL_URL} className={`rounded bg-blue-700 px-4 py-2 text-base font-semibold text-white hover:bg-blue-800 ${focus}`}>
          {t('welcome.tryGmail')}
        </a>
        <button
          type="button"
          onClick={() => void closeThisTab()}
          aria-describedby="skip-note"
          className={`rounded border border-slate-300 px-4 py-2 text-base hover:border-blue-600 ${focus}`}
        >
          {t('welcome.skip')}
        </button>
        <p id="skip-note" className="text-sm text-slate-600">
          {t('welcome.skipNote')}
        </p>
      </div>
      <section aria-labelledby="steps-title" className="space-y-4">
        <h2 id="steps-title" className="text-base font-semibold">
          {t('welcome.steps')}
        </h2>
        <Step>
          <ImportContacts />
        </Step>
        <Step>
          <DisplayModeSettings area={area} events={events} />
        </Step>
        <Step>
          <JoinTeamStep fetch={fetch} />
        </Step>
      </section>
    </main>
  );
}
