import * as generic from './generic/selectors';
import * as gmail from './gmail/selectors';
import * as linkedin from './linkedin/selectors';
import * as outlook from './outlook/selectors';
import * as x from './x/selectors';

/**
 * The words the parsers themselves depend on: every word of every selector (class names, test
 * ids, attribute names and values, label prefixes such as "Current company:"), the ARIA roles, and
 * a short list of English function words and webmail/social UI labels. Tools that take a page
 * apart (the fixture anonymizer, the page skeleton of a diagnostic) keep these verbatim and
 * disguise every other word, so what they write still reads the way the parsers read it, yet
 * says nothing about the people on the page. Derived from the selectors, so a new selector is
 * covered without anyone remembering to list it here. Pure: it is bundled into an injected script.
 */

/** WAI-ARIA 1.2 roles, and the values of ARIA states and `dir`. */
const ARIA_ROLES =
  'true false mixed ltr rtl auto ' +
  'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox ' +
  'complementary contentinfo definition deletion dialog directory document emphasis feed figure form generic grid ' +
  'gridcell group heading img insertion link list listbox listitem log main marquee math menu menubar menuitem ' +
  'menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation progressbar radio ' +
  'radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong ' +
  'subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem';

/** Function words, so disguised text still reads as sentences. */
const FUNCTION_WORDS =
  'a A an the and or but if of in on at by for with without from to into onto over under about above below after ' +
  'before between through during up down out off again then once here there when where why how all any both each ' +
  'few more most other some such no nor not only own same so than too very can will just should now is are was ' +
  'were be been being have has had do does did this that these those it its i I you he she we they them his her ' +
  'their our your my me us him hers who whom which what as also via per vs yes ok s t d m ll re ve';

/** Labels of the webmail and social UIs around the people (headers, menus, profile cards, buttons). */
const UI_WORDS =
  'cc bcc subject reply forward inbox sent drafts draft starred snoozed important imp scheduled spam trash archive ' +
  'delete compose send message messages new mail chat chats meet search settings label labels category purchases ' +
  'show hide details contact info followers following follow connect connections connection profile posts post ' +
  'replies likes like repost reposts quote bookmark share view home explore notifications messaging network jobs ' +
  'job people company companies school education experience skills activity featured recommendations interests ' +
  'languages edit open close cancel save done next previous back menu account sign signed login logout help privacy ' +
  'terms cookie policy premium verified joined born website location photo media lists communities today yesterday ' +
  'ago am pm mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec degree 1st 2nd 3rd click ' +
  'skip card current past present full time part remote mutual see results filter sort unread read mark star ' +
  'attach attachment download print primary social promotions updates forums focused gmail outlook linkedin twitter ' +
  'microsoft google calendar tasks reactions comments comment insights analytics visitors viewed actions action ' +
  'profiles photos pictures picture background cover st nd rd th https http www';

/** Word tokens of a selector or label; `_` joins a token (`profile_images`) and also splits it. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
/** Camel-case pieces (`UserAvatar` → `User`, `Avatar`), as tools that split identifiers look them up. */
const PIECES = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** Every string in an exported value, through arrays, tuples and plain objects. Functions and regexps are skipped. */
function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    for (const item of Object.values(value)) stringsIn(item, out);
  }
  return out;
}

/** A selector's words (and their pieces: `gD` → `g`, `D`), as written and in lower case. */
function selectorWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.match(TOKEN) ?? []) {
    words.push(token, ...token.split('_').filter(Boolean), ...(token.match(PIECES) ?? []));
  }
  return words.flatMap((w) => [w, w.toLowerCase()]);
}

/** A listed word in lower case and capitalised, as it starts a label ("Reply", "More"); single letters as listed. */
const listed = (list: string) => list.split(' ').flatMap((w) => (w.length > 1 ? [w, w.charAt(0).toUpperCase() + w.slice(1)] : [w]));

const VOCABULARY: ReadonlySet<string> = new Set([
  ...[generic, gmail, linkedin, outlook, x].flatMap((module) => stringsIn(Object.values(module), [])).flatMap(selectorWords),
  ...[ARIA_ROLES, FUNCTION_WORDS, UI_WORDS].flatMap(listed),
]);

/** True for a word the parsers depend on, or one that only keeps text readable; compared as written. */
export function isVocabularyWord(word: string): boolean {
  return VOCABULARY.has(word);
}
