import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/browser';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzipped bytes of what a webmail page and a LinkedIn or X page load (their content scripts), and of the panel's scripts. */
export function bundleSizes(): { contentScript: number; socialScript: number; panel: number } {
  const contentScript = gz(join(EXTENSION_DIR, 'content-scripts/mail.js'));
  const socialScript = gz(join(EXTENSION_DIR, 'content-scripts/social.js'));
  const html = readFileSync(join(EXTENSION_DIR, 'panel.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const panel = scripts.reduce((sum, f) => sum + gz(join(EXTENSION_DIR, f)), 0);
  if (!readdirSync(join(EXTENSION_DIR, 'chunks')).length || panel === 0) throw new Error('No panel scripts found in the build.');
  return { contentScript, socialScript, panel };
}
