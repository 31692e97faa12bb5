import { keysLabel, matches, shortcut, typingIn } from '../shortcuts';

/** The keys an item on Home can answer, from the one shortcut list. */
type RowKey = 'home.person' | 'home.done' | 'home.resolve' | 'home.star';
export type RowActions = Partial<Record<RowKey, () => void>>;

/**
 * One item on Home: a stop for j/k (the list finds items by `data-row`), with a visible focus ring,
 * answering its own keys. Enter on a link or button inside is left to that element.
 */
export function Row({
  actions,
  label,
  children,
  ref,
}: {
  actions: RowActions;
  label?: string;
  children: React.ReactNode;
  ref?: React.Ref<HTMLLIElement>;
}) {
  const ids = Object.keys(actions) as RowKey[];
  return (
    <li
      ref={ref}
      data-row
      tabIndex={0}
      aria-label={label}
      aria-keyshortcuts={ids.map((id) => keysLabel(shortcut(id))).join(' ')}
      onKeyDown={(e) => {
        if (typingIn(e.target)) return;
        const id = ids.find((i) => matches(shortcut(i), e.nativeEvent));
        if (!id || (id === 'home.person' && e.target !== e.currentTarget)) return;
        e.preventDefault();
        actions[id]!();
      }}
      className="-mx-2 rounded px-2 py-1 outline-none focus:bg-blue-50 focus:ring-2 focus:ring-blue-600"
    >
      {children}
    </li>
  );
}
