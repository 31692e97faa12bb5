// `npm run demo`: a demo inbox at the real Gmail URL with Clyde's panel showing a demo customer.
// With a display it opens Chromium and stays open; headless it saves a screenshot and exits.
// `npm run demo -- --dark docs/clyde-dark.png`: the same inbox in Gmail's dark theme.
import { launchClyde, panelFrame, serve } from '../test/e2e/browser';
import { fixture } from '../test/e2e/fixtures';
import { gmailDark } from '../test/e2e/gmail-dark';
import { seedExtension } from '../test/support/seed-browser';
import { demoPeople } from './demo-people';

const { seed, personal } = demoPeople();

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const clyde = await launchClyde({ headless });
await seedExtension(clyde.context, clyde.extensionId, seed, personal, { asOwner: true });
const inbox = dark ? gmailDark() : fixture('gmail', 'thread-cc');
await serve(clyde.context, 'https://mail.google.com', () => inbox.html);
const page = await clyde.context.newPage();
await page.goto(inbox.url);
const panel = await panelFrame(page, clyde.extensionId);
await panel.getByTestId('note').first().waitFor();

if (headless) {
  const file = args.find((a) => !a.startsWith('--')) ?? `demo-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  await page.screenshot({ path: file });
  console.log(`No display: saved the demo to ${file}`);
  await clyde.close();
} else {
  console.log('Demo open in Chromium. Close the window to finish.');
  await new Promise((resolve) => clyde.context.on('close', resolve));
}
