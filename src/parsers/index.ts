import { generic } from './generic';
import { gmail } from './gmail';
import { linkedin } from './linkedin';
import { outlook } from './outlook';
import { registry } from './registry';
import type { SiteParser } from './schema';
import { x } from './x';

/**
 * Every site parser. A new site is a folder with an `index.ts` exporting its parser, listed here.
 * Content scripts should import a per-surface registry (mail.ts, social.ts) or a single folder
 * instead, so they bundle only the readers they run. `generic` has no match patterns: it is never
 * chosen by URL, only called explicitly (a "read this page" action).
 */
export const parsers: SiteParser[] = [gmail, outlook, linkedin, x, generic];

const all = registry(parsers);

export const parserFor = all.parserFor;

/**
 * What the page at `url` shows, read by the parser whose match patterns cover the URL; null when
 * no parser covers it or the page shows nothing a parser recognises. Never throws.
 */
export const parsePage = all.parsePage;
