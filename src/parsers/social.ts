import { linkedin } from './linkedin';
import { registry } from './registry';
import { x } from './x';

/** The social-profile parsers only: what a LinkedIn/X content script imports. */
export const social = registry([linkedin, x]);
