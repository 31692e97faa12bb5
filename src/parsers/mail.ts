import { gmail } from './gmail';
import { outlook } from './outlook';
import { registry } from './registry';

/** The webmail parsers only: what the mail content script imports. */
export const mail = registry([gmail, outlook]);
