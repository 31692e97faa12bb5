// `npm start`: build Clyde, start the team sync server on its embedded store, and open Chromium
// with Clyde loaded when there is a display; otherwise say how to load it by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['wxt', 'build']);
const extension = resolve('.output/chrome-mv3');

const children = [];
// Node with tsx as its loader, not `npx tsx`: no wrapper processes, so the stop signal below
// reaches the server itself and it shuts down cleanly (event streams, in-flight pushes, the DB).
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
children.push(server);
server.on('exit', (code) => {
  if (code) console.error(`The team sync server stopped (exit ${code}); see its message above. Clyde works without it.`);
});
console.log(`
Team sync server: http://127.0.0.1:8787, data in .data/ (SQLite; DATABASE_URL=postgres://… for PostgreSQL).
Its first start prints an admin invite link to paste into Clyde's Settings → Team;
\`npm run server -- --invite\` prints a new one. README "Run a team server" covers HTTPS and backups.`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && chromium) {
  const profile = resolve('.data/chromium-profile');
  mkdirSync(profile, { recursive: true });
  children.push(
    spawn(chromium, [`--user-data-dir=${profile}`, `--load-extension=${extension}`, '--no-first-run', 'https://mail.google.com/'], {
      stdio: 'inherit',
    }),
  );
} else {
  console.log(`
Clyde is built in ${extension}
No display here, so no browser was opened. To load Clyde by hand:
  1. Open chrome://extensions in Chrome or Chromium.
  2. Turn on "Developer mode" (top right).
  3. Click "Load unpacked" and choose ${extension}
  4. Open Gmail or Outlook on the web and open an email.
Firefox: run "npm run build:firefox", open about:debugging#/runtime/this-firefox,
"Load Temporary Add-on…" and pick .output/firefox-mv3/manifest.json.
To see Clyde work without an account: npm run demo
`);
}

const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
