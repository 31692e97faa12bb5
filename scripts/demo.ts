// `npm run demo`: a demo inbox at the real Gmail URL with Clyde's panel showing a demo customer.
// With a display it opens Chromium and stays open; headless it saves a screenshot and exits.
import { launchClyde, panelFrame, serve } from '../test/e2e/browser';
import { fixture } from '../test/e2e/fixtures';
import { seedExtension } from '../test/support/seed-browser';
import { demoPeople } from './demo-people';

const { seed, personal } = demoPeople();

const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const clyde = await launchClyde({ headless });
await seedExtension(clyde.context, clyde.extensionId, seed, personal, { asOwner: true });
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
