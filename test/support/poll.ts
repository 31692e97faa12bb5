/**
 * Asks `read` again every `interval` ms until it answers with something truthy, and returns that
 * answer. Fails with `message` (or a generic one) once `timeout` ms have passed without one.
 * For what Playwright's and Vitest's own waits cannot watch: another process's state, a
 * puppeteer target, a page whose CSP blocks `waitForFunction`.
 */
export async function poll<T>(
  read: () => T | Promise<T>,
  { timeout = 10_000, interval = 100, message }: { timeout?: number; interval?: number; message?: () => string | Promise<string> } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(message ? await message() : `Nothing after ${timeout} ms of polling.`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
