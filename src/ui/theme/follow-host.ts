/**
 * The injected panel wears the theme of the page it sits in, which the content script reads off
 * the page's colours and writes into this frame's URL as `#theme=dark|light` (panel-frame.ts): a
 * URL needs no message, so the theme is known before React mounts and the first paint is right.
 * Without one (the panel page opened on its own) the system setting decides, through the CSS
 * alone (dark.css).
 */
export function hostTheme(hash: string): 'dark' | 'light' | undefined {
  const theme = new URLSearchParams(hash.replace(/^#/, '')).get('theme');
  return theme === 'dark' || theme === 'light' ? theme : undefined;
}

export function followHostTheme(doc: Document = document): void {
  wearTheme(doc, hostTheme(doc.location.hash));
}

/** Marks <html> with `theme`; without one, the system setting decides (dark.css). */
export function wearTheme(doc: Document, theme: 'dark' | 'light' | undefined): void {
  if (theme) doc.documentElement.dataset.theme = theme;
  else delete doc.documentElement.dataset.theme;
}
