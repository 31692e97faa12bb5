// `npm run demo:home`: Clyde's Home page over the demo customers, every section with someone in it;
// with `--board`, the pipeline board. With a display it opens Chromium and stays open; headless it
// saves a screenshot and exits (`npm run demo:home -- docs/clyde-home.png` and
// `npm run demo:home -- --board docs/clyde-board.png` make the README's).
import { launchClyde } from '../test/e2e/browser';
import { seedExtension } from '../test/support/seed-browser';
import { demoPeople } from './demo-people';

const { seed, personal } = demoPeople();
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const clyde = await launchClyde({ headless });
await seedExtension(clyde.context, clyde.extensionId, seed, personal, { asOwner: true });
const page = await clyde.context.newPage();
const args = process.argv.slice(2);
const board = args.includes('--board');
if (board) {
  await page.setViewportSize({ width: 1580, height: 400 });
  await page.goto(`chrome-extension://${clyde.extensionId}/home.html#/board`);
  await page.getByTestId('board-card').first().waitFor();
} else {
  await page.setViewportSize({ width: 860, height: 900 });
  await page.goto(`chrome-extension://${clyde.extensionId}/home.html`);
  await page.getByTestId('home-coming-up').locator('[data-row]').first().waitFor();
  // The first item focused, as after pressing j: the screenshot shows the focus ring and where the keys act.
  await page.keyboard.press('j');
}

if (headless) {
  const file = args.find((a) => a !== '--board') ?? `home-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`No display: saved Home to ${file}`);
  await clyde.close();
} else {
  console.log('Home open in Chromium. Close the window to finish.');
  await new Promise((resolve) => clyde.context.on('close', resolve));
}
