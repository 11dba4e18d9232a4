// npm run demo: builds the extension, serves the bundled sample tickets under the real helpdesk hostnames,
// and opens Debian's (or the system's) Chromium with Calmdesk loaded. With a display it stays open for you
// to try; without one it runs headless, saves screenshots to demo-output/ and prints what the panel shows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openTicketWithPanel, ROOT } from '../tests/e2e/harness.mjs';

const TICKETS = [
  ['Zendesk · nb', 'acme.zendesk.com', '/agent/tickets/1001'],
  ['Zendesk · sv', 'acme.zendesk.com', '/agent/tickets/1002'],
  ['Zendesk · fi', 'acme.zendesk.com', '/agent/tickets/1003'],
  ['Zendesk · en', 'acme.zendesk.com', '/agent/tickets/1004'],
  ['Zendesk messaging · nb', 'acme.zendesk.com', '/agent/tickets/2001'],
  ['Freshdesk · sv', 'acme.freshdesk.com', '/a/tickets/5001'],
  ['Freshdesk · fi', 'acme.freshdesk.com', '/a/tickets/5002'],
  ['Freshdesk · en', 'acme.freshdesk.com', '/a/tickets/5003'],
];

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
console.log('Building the extension (wxt build)…');
const build = spawnSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) &&
  !process.env.CI &&
  !process.argv.includes('--headless');
const env = await launch({ headless: !headed });
const out = path.join(ROOT, 'demo-output');
fs.mkdirSync(out, { recursive: true });
console.log(
  `\nChromium ${headed ? '(headed)' : '(headless)'} with Calmdesk ${env.extensionId}; fixture helpdesk on port ${env.server.port}\n`,
);

for (const [title, host, pathname] of TICKETS) {
  const url = `https://${host}${pathname}`;
  const { page, panel } = await openTicketWithPanel(env, url);
  await panel
    .waitForSelector('[data-testid="status"]:not([data-state="loading"])', { timeout: 15_000 })
    .catch(() => undefined);
  await panel.waitForTimeout(300);
  const summary = await panel.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      state: q('[data-testid="status"]')?.getAttribute('data-state'),
      lang: q('[data-testid="language"]')?.getAttribute('data-lang'),
      type: q('[data-testid="customer-type"]')?.getAttribute('data-type'),
      cues: [...document.querySelectorAll('[data-testid="cue"]')].map((c) => c.getAttribute('data-cue')),
      top: [...document.querySelectorAll('[data-testid="suggestion"]')]
        .slice(0, 3)
        .map(
          (s) =>
            `${s.getAttribute('data-stage')}: ${(s.querySelector('.suggestion-text') ?? s).textContent?.trim().slice(0, 90)}`,
        ),
    };
  });
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  if (!headed) {
    await page.screenshot({ path: path.join(out, `${slug}-ticket.png`) });
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.screenshot({ path: path.join(out, `${slug}-panel.png`), fullPage: false });
    await sideBySide(
      path.join(out, `${slug}-ticket.png`),
      path.join(out, `${slug}-panel.png`),
      path.join(out, `${slug}.png`),
    );
  }
  console.log(`${title.padEnd(24)} ${url}`);
  console.log(
    `  status ${summary.state}, language ${summary.lang}, customer ${summary.type}, cues ${summary.cues.join(', ') || '-'}`,
  );
  for (const line of summary.top) console.log(`  · ${line}`);
  if (!headed) {
    await page.close();
    await panel.close();
  }
}

/** The ticket and the panel in one picture, as an agent sees them with the side panel open. */
async function sideBySide(ticketPng, panelPng, outPng) {
  const data = (file) => `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1280 + 420, height: 900 });
  await page.setContent(
    `<body style="margin:0;display:flex;background:#ddd"><img src="${data(ticketPng)}" style="width:1280px;height:800px;object-fit:cover;object-position:top left"><img src="${data(panelPng)}" style="width:420px;height:900px;border-left:1px solid #999"></body>`,
  );
  await page.screenshot({ path: outPng });
  await page.close();
}

if (headed) {
  console.log(
    '\nThe browser stays open: switch tickets, click suggestions, try the options page. Close it to end the demo.',
  );
  await new Promise((resolve) => env.context.on('close', resolve));
  await env.server.close();
} else {
  console.log(`\nScreenshots in ${path.relative(process.cwd(), out)}/`);
  await env.close();
}
