import punycode from 'punycode.js';
import { t } from '../../i18n';

/**
 * Confusable letters (Unicode TR #39): Cyrillic and Greek letters that render like Latin ones.
 * "Аnna" with a Cyrillic А reads as "Anna" but is a different string, the classic way to pass
 * one person, or one company domain, off as another. The confusable key maps each to its Latin
 * twin so look-alikes compare equal; the script check says when a single word mixes scripts.
 *
 * The table covers the letters that are indistinguishable in common fonts, not all of TR #39's
 * confusables.txt: enough to flag the attack without folding distinct letters of real names.
 */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  // Latin look-alikes from other blocks
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ℓ: 'l',
};

/**
 * Lower-cased, accents dropped, confusables mapped to Latin: the form two look-alikes share
 * (what TR #39 calls a skeleton; named apart from parsers/skeleton.ts, a page's outline).
 */
export function confusableKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(CONFUSABLE_LETTER, (ch) => CONFUSABLE[ch]!);
}

/**
 * Any letter of the table. One regular expression over a text, where a loop adding a letter at a
 * time to a string took two thirds of indexing a team's records for search (1.4 of 2 s at 100k).
 */
const CONFUSABLE_LETTER = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];

/** True when one word mixes letters of two of the scripts that look like Latin. */
export function mixesScripts(s: string): boolean {
  return s.split(/[^\p{L}]+/u).some((word) => SCRIPTS.filter((re) => re.test(word)).length > 1);
}

/** A domain written with non-ASCII letters (an `xn--` label once encoded) can imitate another. */
function isPunycodeDomain(domain: string): boolean {
  return domain.split('.').some((label) => label.startsWith('xn--'));
}

/** Why a name or domain deserves a second look before merging, or undefined. */
export function scriptWarning(name: string | undefined, domains: string[] = []): string | undefined {
  if (name && mixesScripts(name)) return t('lookAlikes.why.mixesScripts', { name });
  const odd = domains.find(isPunycodeDomain);
  if (odd) return t('lookAlikes.why.punycode', { domain: odd });
  return undefined;
}

/**
 * `xn--pple-43d.com` → `аpple.com` (Cyrillic а): how the domain reads to a person, so a
 * look-alike domain can be compared by how it reads. Browsers expose no decoder (URL keeps the
 * A-label), so punycode.js does it; a label that is not valid Punycode is kept as it is.
 */
export function domainToUnicode(domain: string): string {
  return domain
    .split('.')
    .map((label) => {
      try {
        return punycode.toUnicode(label);
      } catch {
        return label;
      }
    })
    .join('.');
}
