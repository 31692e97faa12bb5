// `npm run demo:home`: Clyde's Home page over the demo customers, every section with someone in it.
// With a display it opens Chromium and stays open; headless it saves a screenshot and exits
// (`npm run demo:home -- docs/clyde-home.png` makes the README's).
import { launchClyde } from '../test/e2e/browser';
import { seedExtension } from '../test/support/seed-browser';
import { demoPeople } from './demo-people';

const { seed, personal } = demoPeople();
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const clyde = await launchClyde({ headless });
await seedExtension(clyde.context, clyde.extensionId, seed, personal);
const page = await clyde.context.newPage();
await page.setViewportSize({ width: 860, height: 900 });
await page.goto(`chrome-extension://${clyde.extensionId}/home.html`);
await page.getByTestId('home-coming-up').locator('[data-row]').first().waitFor();
// The first item focused, as after pressing j: the screenshot shows the focus ring and where the keys act.
await page.keyboard.press('j');

if (headless) {
  const file = process.argv[2] ?? `home-screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`No display: saved Home to ${file}`);
  await clyde.close();
} else {
  console.log('Home open in Chromium. Close the window to finish.');
  await new Promise((resolve) => clyde.context.on('close', resolve));
}
