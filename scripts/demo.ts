// `npm run demo`: a demo inbox at the real Gmail URL with Clyde's panel showing a demo customer.
// With a display it opens Chromium and stays open; headless it saves a screenshot and exits.
import { launchClyde, panelFrame, serve } from '../test/e2e/browser';
import { fixture } from '../test/e2e/fixtures';
import { addPerson, emptySeed } from '../test/support/records';
import { seedExtension } from '../test/support/seed-browser';

const day = 86_400_000;
const now = Date.now();
const seed = emptySeed();
addPerson(seed, {
  name: 'Bruno Costa',
  email: 'bruno.costa@example.org',
  company: 'Costa & Filhos Mills',
  facts: [
    { key: 'order', value: 'grain in two 25 kg bags, never one 50 kg', pinned: true },
    { key: 'calls', value: 'after 4 pm; mornings are at the mill' },
    { key: 'family', value: 'daughter Marta starts university in February' },
  ],
  tasks: [
    { title: 'Send the new price list before the quarterly review', due: now + 2 * day },
    { title: 'Ask how the trip to Porto went', due: now + 9 * day },
  ],
  notes: [
    {
      body: 'The last delivery came in one 50 kg bag. Promised two bags from now on.',
      occurredAt: now - 30 * day,
      kind: 'call',
      tag: 'complaint',
    },
    { body: 'Met at the spring fair. Runs the family mill with his brother.', occurredAt: now - 120 * day, kind: 'meeting' },
  ],
});

const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const clyde = await launchClyde({ headless });
await seedExtension(clyde.context, clyde.extensionId, seed);
const inbox = fixture('gmail', 'thread-cc');
await serve(clyde.context, 'https://mail.google.com', () => inbox.html);
const page = await clyde.context.newPage();
await page.goto(inbox.url);
const panel = await panelFrame(page, clyde.extensionId);
await panel.getByTestId('note').first().waitFor();

if (headless) {
  const file = process.argv[2] ?? `demo-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  await page.screenshot({ path: file });
  console.log(`No display: saved the demo to ${file}`);
  await clyde.close();
} else {
  console.log('Demo open in Chromium. Close the window to finish.');
  await new Promise((resolve) => clyde.context.on('close', resolve));
}
