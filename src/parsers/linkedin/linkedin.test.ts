// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { linkedin } from './index';
import { canonicalUrl, routeOf } from './route';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const at = (path: string, host = 'www.linkedin.com') => new URL(`https://${host}${path}`);
const card = (slug: string, name: string, extra = '') =>
  `<main><section><h1>${name}</h1><div>Engineer</div><p>Lisbon<a href="/in/${slug}/overlay/contact-info/">Contact info</a></p>${extra}</section></main>`;

describe('linkedin routes', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-lima-4b2a19/', 'https://www.linkedin.com/in/ana-lima-4b2a19'],
    ['https://www.linkedin.com/in/Ana-Lima-4B2A19', 'https://www.linkedin.com/in/ana-lima-4b2a19'],
    ['https://br.linkedin.com/in/ana-lima-4b2a19?trk=x', 'https://www.linkedin.com/in/ana-lima-4b2a19'],
    ['https://www.linkedin.com/in/ana-lima-4b2a19/details/experience/', 'https://www.linkedin.com/in/ana-lima-4b2a19'],
    ['https://www.linkedin.com/in/ana-lima-4b2a19/overlay/contact-info/', 'https://www.linkedin.com/in/ana-lima-4b2a19'],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa', 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa'],
    ['https://www.linkedin.com/in/JOS%C3%89', 'https://www.linkedin.com/in/jos%C3%A9'],
    ['https://www.linkedin.com/in/ACoAABd2c3sBfictAbC', 'https://www.linkedin.com/in/ACoAABd2c3sBfictAbC'], // member ids keep their case
    ['https://www.linkedin.com/company/northwind-traders/about/', 'https://www.linkedin.com/company/northwind-traders'],
    ['https://www.linkedin.com/company/1234567/', 'https://www.linkedin.com/company/1234567'],
  ])('%s → %s', (url, canonical) => {
    const route = routeOf(new URL(url));
    expect(route && canonicalUrl(route)).toBe(canonical);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/me/',
    'https://www.linkedin.com/in/a%2Fb',
    'https://www.linkedin.com/in/%E0%A4%A',
    'https://www.linkedin.com/in/%3Cscript%3E',
    'https://www.linkedin.com/search/results/people/?keywords=ana',
    'https://www.linkedin.com/jobs/view/123/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/pub/ana-lima/12/345/678',
    'https://linkedin.com.evil.example/in/ana-lima',
    'http://www.linkedin.com/in/ana-lima',
  ])('%s is not a profile', (url) => {
    expect(routeOf(new URL(url))).toBeUndefined();
  });
});

describe('linkedin profile reading', () => {
  /** The 2026 server-driven profile, as saved pages of April 2026 show it (hashed classes left out). */
  const sdui = (
    slug: string,
    name: string,
    {
      photo = '',
      shortcut = '<div role="button"><figure><img src="https://media.licdn.com/dms/image/v2/x/company-logo_100_100/1"></figure><p>Northwind</p></div>',
    } = {},
  ) =>
    `<header><img class="global-nav__me-photo" alt="Nadia Rep"></header>` +
    `<div role="main" data-sdui-screen="com.linkedin.sdui.flagshipnav.profile.Profile"><div role="toolbar"><a href="/in/${slug}/"><div aria-label="${name}"><p>${name}</p></div></a></div>` +
    `<main><section componentkey="com.linkedin.sdui.profile.card.refACoAABfictTopcard">${photo}<a href="/in/${slug}/"><h2>${name}</h2></a><p>· 1st</p>` +
    `<p>Head of Partnerships</p><div><p>Lisbon, Portugal</p><p>·<a href="/in/${slug}/overlay/contact-info/">Contact info</a></p></div>${shortcut}` +
    `<a href="/search/results/people/?network=F"><ul><li><figure><img src="https://media.licdn.com/dms/image/v2/m/profile-displayphoto-shrink_100_100/9"></figure></li></ul></a></section>` +
    `<section><h2>More profiles for you</h2><a href="/in/carla-mendes/"><h2>Carla Mendes</h2></a></section></main></div>`;

  it('reads the 2026 server-driven profile from its top card, never a mutual connection photo or the more-profiles list', () => {
    const out = linkedin.parse(page(sdui('ana-lima', 'Ana Lima')), at('/in/ana-lima/'));
    expect(out?.people).toEqual([
      {
        role: 'profile',
        profileUrl: 'https://www.linkedin.com/in/ana-lima',
        name: 'Ana Lima',
        headline: 'Head of Partnerships',
        company: 'Northwind',
        location: 'Lisbon, Portugal',
      },
    ]);
    const photo =
      '<a href="/in/ana-lima/"><figure><img src="https://media.licdn.com/dms/image/v2/a/profile-displayphoto-shrink_400_400/1"></figure></a>';
    expect(linkedin.parse(page(sdui('ana-lima', 'Ana Lima', { photo })), at('/in/ana-lima/'))?.people[0]?.avatarUrl).toBe(
      'https://media.licdn.com/dms/image/v2/a/profile-displayphoto-shrink_400_400/1',
    );
    // A current position without a company page has a placeholder instead of a logo.
    const noLogo = '<div role="button"><figure><svg></svg></figure><p>Kiln Studio</p></div>';
    expect(linkedin.parse(page(sdui('ana-lima', 'Ana Lima', { shortcut: noLogo })), at('/in/ana-lima/'))?.people[0]?.company).toBe(
      'Kiln Studio',
    );
  });

  it('ignores a 2026 top card that still shows the previous profile', () => {
    const out = linkedin.parse(page(sdui('carla-mendes', 'Carla Mendes')), at('/in/ana-lima/'));
    expect(out).toMatchObject({ unread: true, people: [{ role: 'profile', profileUrl: 'https://www.linkedin.com/in/ana-lima' }] });
    expect(out?.people[0]?.name).toBeUndefined();
  });

  it('ignores a top card that still shows the previous profile, keeping the URL identity', () => {
    const out = linkedin.parse(page(card('carla-mendes-9a', 'Carla Mendes')), at('/in/bruno-costa-dev/'));
    expect(out?.people).toEqual([{ role: 'profile', profileUrl: 'https://www.linkedin.com/in/bruno-costa-dev' }]);
  });

  it('marks a profile URL whose page names nobody as unread, and a read one not', () => {
    const unread = linkedin.parse(
      page('<main><div class="pv-redesigned"><span>Bruno Costa</span></div></main>'),
      at('/in/bruno-costa-dev/'),
    );
    expect(unread).toMatchObject({
      view: 'profile',
      unread: true,
      people: [{ profileUrl: 'https://www.linkedin.com/in/bruno-costa-dev' }],
    });
    expect(linkedin.parse(page(card('bruno-costa-dev', 'Bruno Costa')), at('/in/bruno-costa-dev/'))?.unread).toBeUndefined();
    expect(linkedin.parse(page(''), at('/feed/'))).toBeNull();
  });

  it('takes the vanity slug from the card when the URL has a member id', () => {
    const out = linkedin.parse(page(card('bruno-costa-dev', 'Bruno Costa')), at('/in/ACoAAC3b7xYBfictAbC/'));
    expect(out?.people[0]).toMatchObject({ name: 'Bruno Costa', profileUrl: 'https://www.linkedin.com/in/bruno-costa-dev' });
  });

  it('never reads the viewer in the nav or people in an aside inside main', () => {
    const body =
      '<nav><img class="global-nav__me-photo" alt="Nadia Rep" src="https://media.licdn.com/v/profile-displayphoto-x"></nav>' +
      '<main><aside><h1>Carla Mendes</h1><img src="https://media.licdn.com/c/profile-displayphoto-c" alt="Carla"></aside></main>';
    const out = linkedin.parse(page(body), at('/in/bruno-costa-dev/'));
    expect(out?.people).toEqual([{ role: 'profile', profileUrl: 'https://www.linkedin.com/in/bruno-costa-dev' }]);
  });

  it('keeps photos to media.licdn.com and drops ghost placeholders', () => {
    const photo = (src: string, cls = '', link = '/in/ana/') =>
      page(card('ana', 'Ana', `<a href="${link}"><img class="${cls}" src="${src}"></a>`));
    const read = (doc: Document) => linkedin.parse(doc, at('/in/ana/'))?.people[0]?.avatarUrl;
    expect(read(photo('https://media.licdn.com/dms/image/profile-displayphoto-shrink_400_400/1'))).toBe(
      'https://media.licdn.com/dms/image/profile-displayphoto-shrink_400_400/1',
    );
    // A mutual connection's face in the card links to a people search, not to a profile.
    expect(
      read(photo('https://media.licdn.com/dms/image/profile-displayphoto-shrink_100_100/2', '', '/search/results/people/')),
    ).toBeUndefined();
    expect(read(photo('https://evil.example/profile-displayphoto.png'))).toBeUndefined();
    expect(read(photo('javascript:alert(1)//profile-displayphoto'))).toBeUndefined();
    expect(read(photo('https://media.licdn.com/profile-displayphoto-ghost', 'ghost-person'))).toBeUndefined();
  });

  it('reads a logged-out company page from its JSON-LD Organization, if it names this company', () => {
    const ld = (slug: string) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@context': 'http://schema.org',
        '@graph': [
          {
            '@type': 'Organization',
            name: `Org ${slug}`,
            url: `https://br.linkedin.com/company/${slug}`,
            slogan: 'Specialty foods',
            address: { '@type': 'PostalAddress', addressLocality: 'São Paulo', addressRegion: 'SP' },
            logo: { '@type': 'ImageObject', contentUrl: 'https://media.licdn.com/dms/image/company-logo_200_200/1' },
          },
        ],
      })}</script>`;
    const out = linkedin.parse(page('<main></main>', ld('northwind-traders')), at('/company/northwind-traders/', 'br.linkedin.com'));
    expect(out?.people).toEqual([
      {
        role: 'profile',
        name: 'Org northwind-traders',
        profileUrl: 'https://www.linkedin.com/company/northwind-traders',
        headline: 'Specialty foods',
        location: 'São Paulo, SP',
        avatarUrl: 'https://media.licdn.com/dms/image/company-logo_200_200/1',
      },
    ]);
    const other = linkedin.parse(page('<main></main>', ld('contoso')), at('/company/northwind-traders/'));
    expect(other?.people).toEqual([{ role: 'profile', profileUrl: 'https://www.linkedin.com/company/northwind-traders' }]);
  });

  it('uses profile meta only when og:url names the same profile', () => {
    const head = (url: string) =>
      `<meta property="og:url" content="${url}"><meta property="profile:first_name" content="Diego"><meta property="profile:last_name" content="Souza">`;
    expect(linkedin.parse(page('', head('https://br.linkedin.com/in/diego-souza-77')), at('/in/diego-souza-77'))?.people[0]?.name).toBe(
      'Diego Souza',
    );
    expect(
      linkedin.parse(page('', head('https://br.linkedin.com/in/someone-else')), at('/in/diego-souza-77'))?.people[0]?.name,
    ).toBeUndefined();
  });

  it('survives malformed embedded JSON', () => {
    const doc = page(
      card('ana', 'Ana Lima', '<code id="bpr-guid-1">{"included": [</code><script type="application/ld+json">nope</script>'),
    );
    expect(linkedin.parse(doc, at('/in/ana/'))?.people[0]?.name).toBe('Ana Lima');
  });
});
