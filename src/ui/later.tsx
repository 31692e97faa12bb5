import { lazy, Suspense, useState, type ComponentType } from 'react';

let held: Promise<void> | undefined;
let release: (() => void) | undefined;
let latest: ReturnType<typeof setTimeout> | undefined;
/** Each later part's loader, run for all of them when the hold ends (see `later`). */
const starters: (() => unknown)[] = [];

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
  requestAnimationFrame(() =>
    setTimeout(() => {
      go();
      for (const start of starters) start();
    }),
  );
}

/**
 * A part of a page that need not be there for its first paint: its code is fetched and run after
 * the first look (see above), and it shows when it arrives, with nothing in its place until then.
 * A cold panel shows its person sooner the less code the frame loads and runs before that render
 * (the panel bench's cold phases); the name and photo come first, the lists and actions a moment
 * later. When the hold ends every later part loads, shown yet or not, so one that appears
 * afterwards (the timeline of a person just created) renders in the same commit as its parent,
 * with no Suspense in between: each instance picks its way once, when it mounts, and keeps it.
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () =>
    (loading ??= (async () => {
      await held;
      loaded = await load();
      return { default: loaded };
    })());
  starters.push(start);
  const Lazy = lazy(start);
  return function Later(props: P) {
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}
