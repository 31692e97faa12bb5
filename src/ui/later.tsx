import { lazy, Suspense, type ComponentType } from 'react';

let held: Promise<void> | undefined;
let release: (() => void) | undefined;
let latest: ReturnType<typeof setTimeout> | undefined;

/**
 * Holds back every `later` part until `showFirstLook` is called: a panel calls this before its
 * first render, so the later parts' code is fetched and run after the person is on screen, not
 * while the panel is still opening the database and reading the page. Pages that never call it
 * (Home, options) load their later parts at once.
 */
export function holdLaterParts(): void {
  if (release) return;
  held = new Promise<void>((resolve) => (release = resolve));
  // At the latest: a panel whose database cannot open never shows anyone, and still gets its header.
  latest = setTimeout(showFirstLook, 2000);
}

/** The first look is on screen: the later parts may load now, after the browser has painted it. */
export function showFirstLook(): void {
  const go = release;
  if (!go) return;
  release = undefined;
  clearTimeout(latest);
  requestAnimationFrame(() => setTimeout(go));
}

/**
 * A part of a page that need not be there for its first paint: its code is fetched and run after
 * the first look (see above), and it shows when it arrives, with nothing in its place until then.
 * A cold panel shows its person sooner the less code the frame loads and runs before that render
 * (the panel bench's cold phases); the name and photo come first, the lists and actions a moment
 * later. Once loaded, it renders at once wherever it appears again (the next person, a search pick).
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => {
    await held;
    return { default: await load() };
  });
  return function Later(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}
