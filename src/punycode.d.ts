/** punycode.js ships no types; Clyde uses only this (look-alikes-script.ts). Throws RangeError on bad input. */
declare module 'punycode.js' {
  export function toUnicode(domain: string): string;
}
