// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmail } from './index';
import { isListRoute, isThreadRoute } from './route';

const SELF = 'nadia.rep@example.com';
const page = (body: string, title = `Inbox - ${SELF} - Gmail`) =>
  new DOMParser().parseFromString(`<!doctype html><title>${title}</title><body>${body}`, 'text/html');
const thread =
  '<h2 class="hP" data-legacy-thread-id="198c6747aabb71a9">Hi</h2>' +
  '<div class="adn"><h3 class="iw"><span email="ana.lima@example.com" name="Ana Lima"></span></h3></div>';
const chips =
  '<div class="M9"><div name="to">' +
  '<div role="option" data-hovercard-id="bruno.costa@example.org" data-name="Bruno Costa"></div></div></div>';
const listRow = '<table><tr class="zA"><td><span email="fabio.reis@example.com">Fabio</span></td></tr></table>';
const at = (hash: string) => new URL(`https://mail.google.com/mail/u/0/${hash}`);

describe('gmail routes', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/', true],
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWkJ', true],
    ['https://mail.google.com/mail/u/2/#label/Clients%2FActive/FMfcgz', true],
    ['https://mail.google.com/mail/u/0/#search/from%3Aana?compose=new', true],
    ['https://mail.google.com/mail/u/0/#settings/general', false],
    ['https://mail.google.com/mail/u/0/#contacts', false],
    ['https://mail.google.com/chat/u/0/#chat/home', false],
  ])('%s is a list route: %s', (url, expected) => {
    expect(isListRoute(new URL(url))).toBe(expected);
  });
});

describe('gmail thread routes', () => {
  it.each([
    ['#inbox/FMfcgzQXJWkJqRbTfictional', true],
    ['#label/Clients%2FActive/FMfcgzQXJWkJqRbT', true],
    ['#search/from%3Aana/198c6747aabb71a9', true],
    ['#inbox/FMfcgzQXJWkJqRbT?compose=new', true],
    ['#inbox', false],
    ['#label/Clients', false],
    ['#search/FMfcgzQXJWkJqRbT', true],
    ['#settings/FMfcgzQXJWkJqRbT', false],
  ])('%s opens one conversation: %s', (hash, expected) => {
    expect(isThreadRoute(at(hash))).toBe(expected);
  });

  it('says it could not read a thread URL that shows no conversation it knows', () => {
    const out = gmail.parse(page('<div role="main"><div class="new-layout">Ana Lima wrote</div></div>'), at('#inbox/FMfcgzQXJWkJqRbT'));
    expect(out).toMatchObject({ view: 'thread', people: [], unread: true });
  });

  it('does not cry wolf: a read thread, a thread to oneself and the list are read', () => {
    expect(gmail.parse(page(thread), at('#inbox/FMfcgzQXJWkJqRbT'))?.unread).toBeUndefined();
    const toSelf = `<h2 class="hP">Note</h2><div class="adn"><h3 class="iw"><span email="${SELF}" name="Me"></span></h3></div>`;
    expect(gmail.parse(page(toSelf), at('#inbox/FMfcgzQXJWkJqRbT'))).toMatchObject({ view: 'thread', people: [] });
    expect(gmail.parse(page(toSelf), at('#inbox/FMfcgzQXJWkJqRbT'))?.unread).toBeUndefined();
    expect(gmail.parse(page(listRow), at('#inbox'))?.unread).toBeUndefined();
  });
});

describe('gmail view precedence', () => {
  it('reads a thread in split-pane mode, where the hash stays on the list', () => {
    const out = gmail.parse(page(listRow + thread), at('#inbox'));
    expect(out?.view).toBe('thread');
    expect(out?.people.map((p) => p.email)).toEqual(['ana.lima@example.com']);
  });

  it('prefers the open thread over a compose popup beside it', () => {
    const out = gmail.parse(page(thread + chips), at('#inbox/FMfcgzQX'));
    expect(out?.view).toBe('thread');
  });

  it('reads compose once the thread view behind it is hidden', () => {
    const out = gmail.parse(page(`<div class="nH" style="display:none">${thread}</div>${chips}`), at('#inbox?compose=new'));
    expect(out?.view).toBe('compose');
    expect(out?.people).toEqual([{ email: 'bruno.costa@example.org', name: 'Bruno Costa', role: 'to' }]);
  });

  it('excludes the user by address, whatever the label says', () => {
    const doc = page(
      '<div class="adn"><h3 class="iw"><span email="Nadia.Rep@Example.com" name="我"></span></h3>' +
        '<span class="hb"><span email="ana.lima@example.com" name="Ana"></span></span></div>',
    );
    const out = gmail.parse(doc, at('#inbox/FMfcgzQX'));
    expect(out?.self).toEqual({ email: SELF });
    expect(out?.people).toEqual([{ email: 'ana.lima@example.com', name: 'Ana', role: 'to' }]);
  });

  it('returns null off mail routes, unless a compose form with recipients is open', () => {
    expect(gmail.parse(page(''), new URL('https://mail.google.com/chat/u/0/'))).toBeNull();
    expect(gmail.parse(page(chips), at('#settings/general'))).not.toBeNull(); // a compose popup over settings counts
    expect(gmail.parse(page(listRow), at('#settings/general'))).toBeNull();
  });
});
