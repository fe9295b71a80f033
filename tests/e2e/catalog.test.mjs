// End-to-end tests of the customer catalog, in headless Chromium against the release dist/:
// browsing, search, filters, the offering detail by keyboard, Add to scope, no network
// traffic, no horizontal scrolling at 375 px, screenshots, and the failure panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, repoRoot, artifactsDir } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const MOBILE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let server;
let browser;
let catalog;

before(async () => {
  catalog = parseCatalog(await readFile(join(repoRoot, 'crates/core/catalogs/gitlab.toml'), 'utf8'));
  await mkdir(artifactsDir, { recursive: true });
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The little of the GitLab catalog these tests need, read from the TOML source: categories in
 * order, and each offering's SKU, category, delivery modes and whether it is public.
 */
function parseCatalog(toml) {
  const blocks = toml.split(/^(?=\[\[)/m);
  const field = (block, name) => block.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
  const categories = blocks
    .filter((b) => b.startsWith('[[categories]]'))
    .map((b) => ({ id: field(b, 'id'), name: field(b, 'name') }));
  const offerings = blocks
    .filter((b) => b.startsWith('[[offerings]]'))
    .map((b) => ({
      sku: field(b, 'sku'),
      category: field(b, 'category'),
      modes: [...(b.match(/^modes = \[([^\]]*)\]/m)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]),
      public: !/^public = false/m.test(b),
    }));
  return { categories, offerings };
}

/** What the page shows: [{ category, skus }] in order. */
async function shownGroups(page) {
  return page.$$eval('.category', (sections) =>
    sections.map((section) => ({
      category: section.querySelector('h2').firstChild.textContent.trim(),
      skus: [...section.querySelectorAll('.card-link')].map((a) => a.id.replace(/^card-/, '')),
    })),
  );
}

async function shownSkus(page) {
  return page.$$eval('.card-link', (links) => links.map((a) => a.id.replace(/^card-/, '')));
}

async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('the catalog loads without errors and shows every public offering, grouped by category', async () => {
  const { context, page, errors, consoleErrors } = await openApp(browser, server.url, DESKTOP);
  const expected = catalog.categories
    .map((c) => ({
      category: c.name,
      skus: catalog.offerings.filter((o) => o.public && o.category === c.id).map((o) => o.sku),
    }))
    .filter((g) => g.skus.length > 0);
  assert.ok(expected.length >= 5, 'the parsed catalog has categories');
  assert.deepEqual(await shownGroups(page), expected);
  const total = expected.reduce((n, g) => n + g.skus.length, 0);
  assert.match(await page.textContent('#result-count'), new RegExp(`^${total} offerings`));
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/);
  assert.match(await page.textContent('.catalog-name'), /2022\.11/);
  assert.match(await page.textContent('.scope-count'), /0 items in scope/);
  assert.equal(await page.title(), 'GitLab Professional Services — Scopecraft');
  await page.screenshot({ path: join(artifactsDir, 'catalog-desktop.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('search narrows the catalog; filters combine; the empty result explains itself', async () => {
  const { context, page, errors, consoleErrors } = await openApp(browser, server.url, DESKTOP);
  const search = page.getByLabel('Search offerings');
  await search.fill('CICD');
  assert.deepEqual(await shownSkus(page), ['GL-CICD-R', 'GL-CICD']);
  assert.match(await page.textContent('#result-count'), /^2 of \d+ offerings match/);

  await search.fill('');
  await page.getByRole('checkbox', { name: 'On-site' }).check();
  const onSite = catalog.offerings.filter((o) => o.public && o.modes.includes('on_site')).map((o) => o.sku);
  assert.deepEqual((await shownSkus(page)).sort(), [...onSite].sort());
  assert.ok(onSite.includes('GL-CICD') && !onSite.includes('GL-CICD-R'));

  await search.fill('cicd');
  assert.deepEqual(await shownSkus(page), ['GL-CICD']);

  await search.fill('no such offering anywhere');
  assert.deepEqual(await shownSkus(page), []);
  assert.match(await page.textContent('.empty'), /No offerings match/);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  assert.equal(await search.inputValue(), '');
  assert.equal(await page.getByRole('checkbox', { name: 'On-site' }).isChecked(), false);
  assert.equal((await shownSkus(page)).length, catalog.offerings.filter((o) => o.public).length);
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('keyboard only: find GL-CICD-R, open it, compare remote and on-site, add it to the scope', async () => {
  const { context, page, errors, consoleErrors, requests } = await openApp(browser, server.url, DESKTOP);
  const loaded = requests.length;

  // Tab from the top of the page to the search box, type, and tab on to the first card.
  let reached = false;
  for (let i = 0; i < 10 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'catalog-search');
  }
  assert.ok(reached, 'the search box is reachable by Tab');
  await page.keyboard.type('CICD');
  reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'card-GL-CICD-R');
  }
  assert.ok(reached, 'the GL-CICD-R card is reachable by Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement, '::after');
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  assert.equal(ring, 'solid 3px', 'the focused card shows a focus ring');

  await page.keyboard.press('Enter');
  await page.waitForSelector('.offering h1');
  assert.equal(new URL(page.url()).hash, '#/offering/GL-CICD-R');
  assert.equal(await page.textContent('.offering h1'), 'GitLab CI/CD (remote)');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'offering-title', 'focus moves to the heading');
  assert.equal(await page.title(), 'GitLab CI/CD (remote) — Scopecraft');

  // Remote and on-site side by side, each with its price.
  const options = page.locator('.delivery-option');
  assert.equal(await options.count(), 2);
  const remote = await options.nth(0).textContent();
  const onSite = await options.nth(1).textContent();
  assert.match(remote, /Remote/);
  assert.match(remote, /USD 5,000\.00/);
  assert.match(onSite, /On-site/);
  assert.match(onSite, /USD 7,000\.00/);
  assert.equal(await options.nth(1).locator('.sku').textContent(), 'SKU GL-CICD');
  const [a, b] = [await options.nth(0).boundingBox(), await options.nth(1).boundingBox()];
  assert.ok(Math.abs(a.y - b.y) < 1 && b.x > a.x + a.width - 1, 'the two options sit side by side');

  // Prerequisites link to the other offerings.
  const prerequisite = page.locator('.prerequisites a').first();
  assert.equal(await prerequisite.getAttribute('href'), '#/offering/GL-BAS-R');

  // Tab to "Add remote to scope" and press Enter.
  reached = false;
  for (let i = 0; i < 20 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent === 'Add remote to scope');
  }
  assert.ok(reached, 'Add to scope is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('.scope-count'), /1 item in scope/);
  assert.match(await options.nth(0).textContent(), /In your scope/);
  await page.getByRole('button', { name: 'Add on-site to scope' }).press('Enter');
  assert.match(await page.textContent('.scope-count'), /2 items in scope/);

  // Back to the catalog: focus returns to the card the customer came from; the scope stays.
  await page.goBack();
  await page.waitForSelector('.catalog');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-GL-CICD-R');
  assert.match(await page.textContent('.scope-count'), /2 items in scope/);

  assert.deepEqual(requests.slice(loaded), [], 'no network request after loading');
  const foreign = requests.filter((url) => !url.startsWith(server.url));
  assert.deepEqual(foreign, [], 'only the local server is contacted');
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('375 px wide: no horizontal scrolling, filters behind a button, screenshots', async () => {
  const { context, page, errors, consoleErrors, requests } = await openApp(browser, server.url, MOBILE);
  assert.equal(await horizontalOverflow(page), 0, 'catalog fits 375 px');
  await page.screenshot({ path: join(artifactsDir, 'catalog-mobile.png') });

  const toggle = page.locator('.filters-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('checkbox', { name: 'On-site' }).isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByRole('checkbox', { name: 'On-site' }).check();
  assert.match(await toggle.textContent(), /1 on/);
  assert.equal(await horizontalOverflow(page), 0, 'open filters fit 375 px');
  await page.screenshot({ path: join(artifactsDir, 'catalog-mobile-filters.png') });

  await page.goto(`${server.url}#/offering/GL-SEC-R`);
  await page.waitForSelector('.offering h1');
  assert.equal(await horizontalOverflow(page), 0, 'the offering detail fits 375 px');
  await page.screenshot({ path: join(artifactsDir, 'offering-mobile.png'), fullPage: true });
  const foreign = requests.filter((url) => !url.startsWith(server.url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a link to an unknown offering says so and leads back to the catalog', async () => {
  const { context, page, errors } = await openApp(browser, `${server.url}#/offering/NO-SUCH-SKU`, DESKTOP);
  assert.equal(await page.textContent('h1'), 'Offering not found');
  assert.match(await page.textContent('.not-found'), /NO-SUCH-SKU/);
  await page.getByRole('link', { name: 'Browse the catalog' }).click();
  await page.waitForSelector('.catalog');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a friendly panel replaces the loading message when the wasm cannot load', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(server.url);
  const panel = page.locator('#app .failure[role="alert"]');
  await panel.waitFor({ timeout: 15_000 });
  assert.match(await panel.textContent(), /could not start/);
  assert.equal(await page.locator('.boot').count(), 0, 'the loading message is gone');
  await context.close();
});
