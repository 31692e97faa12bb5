import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/**
 * WXT's `zip` stamps every entry with the time it ran and adds files in the order the disk lists
 * them, so two zips of the same build differ. A store reviewer (and anyone checking a release)
 * must get byte-identical zips from the same commit, so wxt.config.ts passes each zip WXT writes
 * through here: entries sorted by name, one fixed time, no directory entries, the same
 * compression. The content is not touched.
 */

/** The DOS epoch, the earliest time a zip can hold; strip-nondeterminism picks the same. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1));

export async function makeZipReproducible(path: string): Promise<void> {
  await writeFile(path, await reproducibleZip(await readFile(path)));
}

export async function reproducibleZip(zip: Uint8Array): Promise<Buffer> {
  const from = await JSZip.loadAsync(zip);
  const to = new JSZip();
  const names = Object.keys(from.files)
    .filter((name) => !from.files[name]!.dir)
    .sort();
  for (const name of names) {
    // createFolders: false, or JSZip adds a directory entry per folder, stamped with the time now.
    to.file(name, await from.files[name]!.async('uint8array'), { date: ZIP_TIME, createFolders: false });
  }
  return to.generateAsync({ type: 'nodebuffer', platform: 'DOS', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
