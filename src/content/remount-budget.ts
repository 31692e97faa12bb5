/**
 * How often Clyde puts its panel back after the page took it away: at most `limit` times in any
 * `windowMs`. Gmail re-rendering removes it now and then, and each time it returns; a page that
 * removes it in a loop gets `false` once the budget is spent, and from then on, so Clyde stays
 * away rather than spend the user's CPU fighting the page.
 */
export function remountBudget(limit = 5, windowMs = 60_000, now: () => number = () => performance.now()): () => boolean {
  const recent: number[] = [];
  let spent = false;
  return () => {
    const t = now();
    while (recent.length > 0 && t - recent[0]! >= windowMs) recent.shift();
    spent ||= recent.length >= limit;
    if (!spent) recent.push(t);
    return !spent;
  };
}
