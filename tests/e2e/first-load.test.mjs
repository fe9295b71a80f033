// End-to-end tests of the first load (issue 16): the page shows the catalog from the small
// first-load module, fetching only the files index.html names, before the full app arrives;
// the full app then shows the same cards, live; and the first screen stands aside when a
// visitor's saves might make the page differ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, launchBrowser, repoRoot } from './harness.mjs';
import { firstLoad, measure } from '../perf/sizes.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The full app's two files: held back so the first screen can be looked at alone. */
const FULL_APP = /\/scopecraft-web(_bg\.wasm|\.js)$/;

/** Name, SKU, duration, delivery and price of every card, in page order. */
const cards = (page) =>
  page.$$eval('.card', (all) => all.map((card) => card.innerText.replace(/\s+/g, ' ').trim()));

test('the catalog is usable before the full app arrives, from the files index.html names', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1) || 'index.html'));
  let release;
  const held = new Promise((ok) => {
    release = ok;
  });
  await page.route(FULL_APP, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  await page.waitForSelector('main[data-first-screen] .card .card-link');
  // The first screen: every card of the built-in catalog, its links working.
  const first = await cards(page);
  assert.equal(first.length, 41, 'the 41 public GitLab offerings');
  assert.ok(first.some((text) => text.includes('GL-JIRA')), first.join('\n'));
  assert.equal(await page.textContent('#result-count'), '41 offerings');
  assert.ok(await page.locator('#catalog-search').isDisabled(), 'search waits for the full app');

  // Requested so far: exactly what the size budget counts as the first load, plus the
  // full app's loader that is being held back.
  const sizes = await measure(join(repoRoot, 'dist'));
  const listed = (await firstLoad(join(repoRoot, 'dist'), sizes)).rows.map((row) => row.file);
  const early = requested.filter((file) => !FULL_APP.test(`/${file}`));
  for (const file of early) assert.ok(listed.includes(file), `${file} is fetched early but not in the checked first load`);
  assert.ok(early.some((file) => /^scopecraft-shell-.*_bg\.wasm$/.test(file)), early.join(', '));
  assert.ok(!early.some((file) => file.startsWith('scopecraft-web')), early.join(', '));

  // A card clicked now is opened by the full app once it runs.
  await page.click('main[data-first-screen] #card-GL-JIRA');
  release();
  await page.waitForSelector('main:not([data-first-screen]) .offering h1', { timeout: 30_000 });
  assert.match(await page.textContent('.offering h1'), /Jira/);
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('main:not([data-first-screen]) .card');
  assert.deepEqual(await cards(page), first, 'the full app shows the very same cards');
  assert.deepEqual(consoleErrors, [], 'no CSP violation or error on the way');
  await context.close();
});

test('with a saved scope the first screen stands aside and the full app shows the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    localStorage.setItem('scopecraft.scope', JSON.stringify({ currency: 'EUR', items: [] }));
  });
  let release;
  const held = new Promise((ok) => {
    release = ok;
  });
  let shellLoaded;
  const shell = new Promise((ok) => {
    shellLoaded = ok;
  });
  page.on('requestfinished', (r) => {
    if (/scopecraft-shell-.*_bg\.wasm$/.test(r.url())) shellLoaded();
  });
  await page.route(FULL_APP, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  await shell;
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.card').count(), 0, 'no first screen in USD for a scope in EUR');
  assert.equal(await page.locator('.boot').count(), 1, 'the loading message stays');
  release();
  await page.waitForSelector('main:not([data-first-screen]) .card .card-price');
  assert.match(await page.locator('.card .card-price').first().textContent(), /EUR/);
  await context.close();
});
