// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { x } from './index';
import { routeOf } from './route';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}`, 'text/html');
const at = (path: string) => new URL(`https://x.com${path}`);
const self = (handle: string) =>
  `<button data-testid="SideNav_AccountSwitcher_Button"><div data-testid="UserAvatar-Container-${handle}"></div><span>@${handle}</span></button>`;
const header = (handle: string, name: string, avatarHost = 'pbs.twimg.com') =>
  `<div data-testid="primaryColumn"><a href="/${handle}/photo"><img src="https://${avatarHost}/profile_images/1/a_400x400.jpg"></a>` +
  `<div data-testid="UserName"><div dir="ltr"><span>${name}</span></div><div dir="ltr"><span>@${handle}</span></div></div>` +
  `<div data-testid="UserDescription">Bio of ${name}</div></div>`;

describe('x routes', () => {
  it.each([
    ['/helenaprado', { kind: 'profile', handle: 'helenaprado' }],
    ['/HelenaPrado/', { kind: 'profile', handle: 'helenaprado' }],
    ['/helenaprado/media', { kind: 'profile', handle: 'helenaprado' }],
    ['/helenaprado/photo', { kind: 'profile', handle: 'helenaprado' }],
    ['/helenaprado/status/1861000000000000001', { kind: 'post', handle: 'helenaprado', id: '1861000000000000001' }],
    ['/helenaprado/status/1861000000000000001/photo/1', { kind: 'post', handle: 'helenaprado', id: '1861000000000000001' }],
  ])('%s', (path, route) => {
    expect(routeOf(at(path))).toEqual(route);
  });

  it.each([
    '/home',
    '/explore',
    '/notifications',
    '/messages',
    '/settings/account',
    '/search?q=ana',
    '/i/bookmarks',
    '/i/status/1861000000000000001',
    '/compose/post',
    '/login',
    '/tos',
    '/privacy',
    '/Home',
    '/',
    '/helenaprado/status/',
    '/helenaprado/status/abc',
    '/sixteen_chars_xx',
    '/ana-lima',
    '/%40ana',
  ])('%s is not a profile or post', (path) => {
    expect(routeOf(at(path))).toBeUndefined();
  });

  it('covers twitter.com and the mobile hosts, nothing else', () => {
    expect(routeOf(new URL('https://twitter.com/helenaprado'))?.kind).toBe('profile');
    expect(routeOf(new URL('https://mobile.x.com/helenaprado'))?.kind).toBe('profile');
    expect(routeOf(new URL('https://x.com.evil.example/helenaprado'))).toBeUndefined();
  });
});

describe('x profile reading', () => {
  it('reports the signed-in account as self, and nobody on its own profile', () => {
    const out = x.parse(page(self('NadiaRep') + header('nadiarep', 'Nadia Rep')), at('/NadiaRep'));
    expect(out).toEqual({ site: 'x', view: 'profile', people: [], self: { handle: 'nadiarep' }, url: 'https://x.com/NadiaRep' });
  });

  it('ignores a header that still shows the previous profile', () => {
    const out = x.parse(page(header('helenaprado', 'Helena Prado')), at('/julia_rocha'));
    expect(out?.people).toEqual([{ role: 'profile', handle: 'julia_rocha', profileUrl: 'https://x.com/julia_rocha' }]);
  });

  it("marks a profile that names nobody as unread, but not one read, nor one's own", () => {
    expect(x.parse(page('<main><div>Julia Rocha</div></main>'), at('/julia_rocha'))).toMatchObject({
      people: [{ handle: 'julia_rocha' }],
      unread: true,
    });
    expect(x.parse(page(header('julia_rocha', 'Julia Rocha')), at('/julia_rocha'))?.unread).toBeUndefined();
    expect(x.parse(page(self('NadiaRep')), at('/NadiaRep'))?.unread).toBeUndefined();
  });

  it('keeps avatars to pbs.twimg.com', () => {
    expect(x.parse(page(header('ana', 'Ana')), at('/ana'))?.people[0]?.avatarUrl).toBe(
      'https://pbs.twimg.com/profile_images/1/a_400x400.jpg',
    );
    expect(x.parse(page(header('ana', 'Ana', 'evil.example')), at('/ana'))?.people[0]?.avatarUrl).toBeUndefined();
  });

  it('reads the 2023 JSON-LD shape (`author` instead of `mainEntity`) when it names this handle', () => {
    const ld = (handle: string) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'ProfilePage',
        author: { '@type': 'Person', additionalName: handle, givenName: 'Helena Prado', homeLocation: { name: 'BH' } },
      })}</script>`;
    expect(x.parse(page(ld('HelenaPrado')), at('/helenaprado'))?.people[0]).toMatchObject({ name: 'Helena Prado', location: 'BH' });
    expect(x.parse(page(ld('someoneelse')), at('/helenaprado'))?.people[0]?.name).toBeUndefined();
  });

  it('returns null on a post page until the focal post is on screen', () => {
    const reply =
      '<div data-testid="primaryColumn"><article data-testid="tweet"><div data-testid="User-Name"><div dir="ltr"><span>Marcos</span></div>' +
      '<div dir="ltr"><span>@marcosv</span></div><a href="/marcosv/status/2"><time>now</time></a></div></article></div>';
    expect(x.parse(page(reply), at('/helenaprado/status/1'))).toBeNull();
  });
});
