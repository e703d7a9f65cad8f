// The peer of bench/warm_cpu.py: a plain Playwright monitor loop over the same replayed pages and
// the same extract scripts as ticket-alarm — one kept browser, a new context per site per cycle
// (what a Playwright loop written the usual way does), every site's page answered from its HAR.
// Usage: node playwright_loop.mjs <playwright-core dir> <cycles> <interval_s> <site=har=url>...
import { createRequire } from 'module';
import { readFileSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const [pwDir, cyclesArg, intervalArg, ...sites] = process.argv.slice(2);
const require = createRequire(path.join(pwDir, 'package.json'));
const { chromium } = require('playwright-core');
const extractDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'extract');
const cycles = Number(cyclesArg);
const intervalMs = Number(intervalArg) * 1000;
const jobs = sites.map((spec) => {
  const [site, har, ...rest] = spec.split('=');
  const url = rest.join('=');
  return { site, har, url, script: readFileSync(path.join(extractDir, site + '.js'), 'utf8') };
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function crawl(browser, job) {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  try {
    await context.routeFromHAR(job.har, { notFound: 'abort' });
    const page = await context.newPage();
    await page.goto(job.url, { waitUntil: 'load', timeout: 30000 });
    const ctx = { site: job.site, url: job.url, now: new Date().toISOString(), max_items: 200 };
    const answer = await page.evaluate(`(${job.script}\n)(${JSON.stringify(ctx)})`);
    return answer.items.length;
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const started = Date.now();
for (let cycle = 0; cycle < cycles; cycle++) {
  const counts = await Promise.all(jobs.map((job) => crawl(browser, job).catch((e) => `error: ${e.message}`)));
  console.log(`cycle ${cycle + 1}: ${jobs.map((j, i) => `${j.site} ${counts[i]}`).join(', ')}`);
  const next = started + (cycle + 1) * intervalMs;
  if (cycle + 1 < cycles) await sleep(Math.max(0, next - Date.now()));
}
await browser.close();
