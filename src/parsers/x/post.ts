import { allVisible, attr, firstVisible, type IsVisible } from '../dom';
import { pathOf } from './route';
import { avatarUrl, shownHandle, shownName } from './profile';
import { permalinksTo, POST, POST_AUTHOR, POST_AVATAR } from './selectors';

export interface Author {
  name?: string;
  avatarUrl?: string;
}

/**
 * The author of the post a status page is about, or undefined until it is on screen. The focal
 * post is the one whose own permalink (`/<handle>/status/<id>`) matches the URL; replies and
 * quoted posts around it have other permalinks, and their authors are not reported.
 */
export function readAuthor(column: Element, handle: string, id: string, isVisible: IsVisible, base: URL): Author | undefined {
  const permalink = `/${handle}/status/${id}`;
  // Found from the permalink rather than by listing posts: a long thread holds hundreds of them.
  const focal = allVisible(column, permalinksTo(id), isVisible)
    .filter((a) => pathOf(attr(a, 'href'), base) === permalink)
    .map((a) => a.closest(POST))
    .find((post): post is Element => post !== null && isVisible(post));
  const block = focal && firstVisible(focal, [POST_AUTHOR], isVisible);
  if (!focal || !block || shownHandle(block) !== handle) return undefined;
  return { name: shownName(block), avatarUrl: avatarUrl(firstVisible(focal, [POST_AVATAR], isVisible), base) };
}
