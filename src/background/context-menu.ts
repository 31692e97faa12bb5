import { browser, type Browser } from 'wxt/browser';
import { addQuote, shorten } from '../capture/quote';
import { SUPPORTED_HOSTS } from '../parsers/hosts';
import { displayName, type Correspondent } from '../parsers/schema';
import { db } from '../storage/db';
import { readStored, SESSION } from '../storage/keys';
import { neverLogSet } from '../storage/records/never-log';
import { personShown } from '../capture/person-shown';
import { t } from '../i18n';

/**
 * "Add to <person>" on selected text: stores the selection as a quote of the person the page
 * shows, with the page as its source. The person is the one the panel shows (`personShown`); the
 * title follows the active tab and the panel's pick, and the item hides where there is no one.
 * Browsers show a menu's title as it was set before the right click, so it is kept current
 * whenever the active tab or its page context changes.
 */
const MENU_ID = 'clyde-add-to-person';
const MAX_TITLE_NAME = 60;

export function menuFor(person: Correspondent | undefined): { title: string; visible: boolean } {
  if (!person) return { title: t('contextMenu.addToPerson'), visible: false };
  const short = shorten(displayName(person) ?? person.profileUrl ?? '', MAX_TITLE_NAME);
  // `%s` in a menu title stands for the selection; a name must not be able to say it.
  return { title: t('contextMenu.addTo', { name: short.replaceAll('%', '%%') }), visible: true };
}

async function personInTab(tabId: number): Promise<Correspondent | undefined> {
  const [key, pick] = [SESSION.context.name(tabId), SESSION.pick.name(tabId)];
  const items = await browser.storage.session.get([key, pick]);
  const stored = readStored(SESSION.context.schema, items[key]);
  if (!stored?.context) return undefined;
  return personShown(stored.context.people, await neverLogSet(db), readStored(SESSION.pick.schema, items[pick]));
}

async function addSelectionToPerson(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const person = await personInTab(tab.id);
  if (!person) return;
  await addQuote(db, person, info.selectionText ?? '', info.pageUrl ?? tab.url);
}

const MENU_REFRESH_DELAY_MS = 250;

export function startContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // No page to answer to: a failure here has no panel to show in, so it goes to the console.
    addSelectionToPerson(info, tab).catch((e: unknown) => console.error('Clyde could not add the selection:', e));
  });
  // Menus outlive the service worker; recreating from scratch at each start avoids a duplicate id.
  const ready = browser.contextMenus.removeAll().then(
    () =>
      new Promise<void>((resolve) => {
        browser.contextMenus.create(
          {
            id: MENU_ID,
            title: t('contextMenu.addToPerson'),
            contexts: ['selection'],
            documentUrlPatterns: SUPPORTED_HOSTS,
            visible: false,
          },
          () => resolve(),
        );
      }),
  );
  // Updates run one after another, so a slow lookup cannot land after a newer one.
  let queue: Promise<void> = ready;
  const refresh = () => {
    queue = queue
      .then(async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        const person = tab?.id === undefined ? undefined : await personInTab(tab.id);
        await browser.contextMenus.update(MENU_ID, menuFor(person));
      })
      .catch(() => undefined);
  };
  // The title follows the page a moment later, not while the panel is switching people: on two
  // cores the lookup and menu update took CPU from the switch. Text cannot be selected and
  // right-clicked within that moment, and a click reads the person afresh anyway.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, MENU_REFRESH_DELAY_MS);
  };
  browser.tabs.onActivated.addListener(refreshSoon);
  browser.windows.onFocusChanged.addListener(refreshSoon);
  // Any session change may be a tab's new page context; re-reading the active one is cheap.
  browser.storage.session.onChanged.addListener(refreshSoon);
  refresh();
}
