/**
 * punycode.js ships no types; Clyde uses only this (look-alikes-script.ts). A default import,
 * because Node loads the package's CommonJS build, whose one export is this object.
 */
declare module 'punycode.js' {
  const punycode: {
    /** Throws a RangeError on a label that is not valid Punycode. */
    toUnicode(domain: string): string;
  };
  export default punycode;
}
