/**
 * Confusable letters (Unicode TR #39): Cyrillic and Greek letters that render like Latin ones.
 * "Аnna" with a Cyrillic А reads as "Anna" but is a different string, the classic way to pass
 * one person, or one company domain, off as another. The skeleton maps each to its Latin twin so
 * look-alikes compare equal; the script check says when a single word mixes scripts.
 *
 * The table covers the letters that are indistinguishable in common fonts, not all of TR #39's
 * confusables.txt: enough to flag the attack without folding distinct letters of real names.
 */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // Latin look-alikes from other blocks
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ℓ: 'l',
};

/** Lower-cased, accents dropped, confusables mapped to Latin: the form two look-alikes share. */
export function skeleton(s: string): string {
  const plain = s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
  let out = '';
  for (const ch of plain) out += CONFUSABLE[ch] ?? ch;
  return out;
}

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];

/** True when one word mixes letters of two of the scripts that look like Latin. */
export function mixesScripts(s: string): boolean {
  return s.split(/[^\p{L}]+/u).some((word) => SCRIPTS.filter((re) => re.test(word)).length > 1);
}

/** A domain written with non-ASCII letters (an `xn--` label once encoded) can imitate another. */
export function isPunycodeDomain(domain: string): boolean {
  return domain.split('.').some((label) => label.startsWith('xn--'));
}

/** Why a name or domain deserves a second look before merging, or undefined. */
export function scriptWarning(name: string | undefined, domains: string[] = []): string | undefined {
  if (name && mixesScripts(name)) return `“${name}” mixes alphabets (for example a Cyrillic letter in a Latin name)`;
  const odd = domains.find(isPunycodeDomain);
  if (odd) return `The domain ${odd} uses non-Latin letters and may imitate another`;
  return undefined;
}

/**
 * RFC 3492 Punycode decoding of one `xn--` label, so a look-alike domain can be compared by how
 * it reads. Browsers expose no decoder (URL keeps the A-label); a bad label is returned as is.
 */
function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  const input = label.slice(4);
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  const cut = input.lastIndexOf('-');
  const out = cut > 0 ? [...input.slice(0, cut)].map((c) => c.codePointAt(0)!) : [];
  let n = 128, i = 0, bias = 72;
  const adapt = (delta: number, points: number, first: boolean) => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length; ) {
    const old = i;
    for (let w = 1, k = base; ; k += base) {
      if (pos >= input.length) return label;
      const c = input.charCodeAt(pos++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (digit >= base) return label;
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** `xn--pple-43d.com` → `аpple.com` (Cyrillic а): how the domain reads to a person. */
export function domainToUnicode(domain: string): string {
  return domain.split('.').map(decodeLabel).join('.');
}
