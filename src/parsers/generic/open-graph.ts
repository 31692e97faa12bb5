import { attr } from '../dom';
import type { ProfileFields } from '../profile';
import { httpsUrl } from '../url';
import { OG_FIRST_NAME, OG_LAST_NAME, OG_TITLE, OG_TYPE, OG_URL, OG_USERNAME } from './selectors';

/** Open Graph meta lives in the head; not scanning the body keeps this cheap on huge pages. */
const meta = (doc: Document, selector: string) => attr((doc.head ?? doc).querySelector(selector), 'content');

/**
 * The page's subject when it declares itself a profile (`og:type=profile`): its URL (`og:url`)
 * and name (`profile:first_name` + `last_name`, else `profile:username`, else `og:title`).
 * Undefined for any other page.
 */
export function fromOpenGraph(doc: Document, base: URL): ProfileFields | undefined {
  if (meta(doc, OG_TYPE)?.trim().toLowerCase() !== 'profile') return undefined;
  const full = [meta(doc, OG_FIRST_NAME), meta(doc, OG_LAST_NAME)].filter(Boolean).join(' ');
  return {
    name: [full, meta(doc, OG_USERNAME), meta(doc, OG_TITLE)],
    profileUrl: httpsUrl(meta(doc, OG_URL), base),
  };
}
