import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { skeletonOf } from '../src/parsers/skeleton';

/**
 * Injected once by the background when the user copies a diagnostic (src/background/page-inspect.ts);
 * its result is the page's skeleton. Kept out of the content scripts, which stay small.
 */
export default defineUnlistedScript(() => skeletonOf(document));
