// End-to-end tests of what the browser keeps, in headless Chromium against the release dist/:
// nothing the user enters is lost silently. Two tabs stay consistent (each change applies to
// the latest save), a save the browser refuses says so and offers the scope as a file, a save
// that cannot be read is set aside (never saved over) and offered as a file, a share link asks
// before replacing a scope with items, and a catalog opened from a file is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, openPage, addFromOffering, repoRoot } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const SCOPE_KEY = 'scopecraft.scope';

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

const add = (page, sku) => addFromOffering(page, server.url, sku);

async function openScope(page) {
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
}

/**
 * Resolves once the app has saved what it shows: it saves a change once the browser is idle
 * after painting it (an idle callback asked for after the app's runs after it).
 */
async function settled(page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 2000 }))),
  );
}

/** The saved scope in `page`'s browser, once the app has saved what it shows. */
async function savedScope(page) {
  await settled(page);
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), SCOPE_KEY));
}

/** The SKUs of the scope saved in `page`'s browser. */
async function savedSkus(page) {
  return (await savedScope(page)).items.map((item) => item.sku);
}

/** Fills local storage with junk until the browser refuses even a few more characters. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 1; i += 1) {
      try {
        localStorage.setItem(`junk.${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** The text of the file a click on `selector` downloads. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('two tabs that each add an item end with both items saved; each says when the other changed it', async () => {
  const context = await browser.newContext(DESKTOP);
  const one = await openPage(context, server.url);
  const two = await openPage(context, server.url);
  await add(one.page, 'GL-CICD-R');
  const notice = two.page.locator('#notice-other-tab');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Updated from another tab/);
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await two.page.textContent('.scope-count'), /1 item in scope/, 'the other tab took the change');
  await add(two.page, 'GL-XPRT');
  await one.page.locator('#notice-other-tab').waitFor();
  assert.match(await one.page.textContent('.scope-count'), /2 items in scope/);
  await one.page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await one.page.locator('#notice-other-tab').count(), 0, 'the notice closes');

  const three = await openPage(context, `${server.url}#/scope`);
  await three.page.waitForSelector('#quote');
  assert.equal(await three.page.locator('.quote-line').count(), 2, 'a third tab sees both items');
  assert.deepEqual((await savedSkus(three.page)).sort(), ['GL-CICD-R', 'GL-XPRT']);
  for (const tab of [one, two, three]) assert.deepEqual(tab.errors, []);
  await context.close();
});

test('a tab that missed another tab\'s save reads it again before changing the scope', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  // Written behind the app's back (no storage event reaches the page that writes).
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ items: [{ sku: 'GL-CICD-R' }] })), SCOPE_KEY);
  await add(page, 'GL-XPRT');
  await page.locator('#notice-other-tab').waitFor();
  assert.match(await page.textContent('.scope-count'), /2 items in scope/);
  assert.deepEqual(await savedSkus(page), ['GL-CICD-R', 'GL-XPRT'], 'the new item went on top of the save');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what is typed is saved even when the page is left before the browser is idle', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await add(page, 'GL-JIRA');
  await openScope(page);
  assert.equal((await savedScope(page)).items[0].quantity ?? null, null);
  // A quantity typed and the page reloaded in the same task: the save waiting for the browser
  // to be idle is made when the page is left (pagehide).
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => {
      const field = document.querySelector('#line-0-quantity');
      field.value = '7';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, data: '7' }));
      location.reload();
    }),
  ]);
  await page.waitForSelector('#line-0-quantity');
  assert.equal(await page.inputValue('#line-0-quantity'), '7', 'the reloaded page shows what was typed');
  assert.equal((await savedScope(page)).items[0].quantity, 7);

  // And when the tab is hidden (another tab brought to the front, the window minimised).
  const saved = await page.evaluate(async (key) => {
    const field = document.querySelector('#line-0-quantity');
    field.value = '8';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, data: '8' }));
    // The app renders the change in a microtask; then, in the same task, the page is hidden.
    await Promise.resolve();
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    return JSON.parse(localStorage.getItem(key)).items[0].quantity;
  }, SCOPE_KEY);
  assert.equal(saved, 8, 'saved as the page was hidden, before the browser was idle');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save the browser refuses shows a notice with the scope as a file, until saving works again', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await add(page, 'GL-CICD-R');
  await settled(page); // saved before the storage is filled
  await fillStorage(page);
  await add(page, 'GL-XPRT');
  const notice = page.locator('#notice-not-saved[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be saved in this browser/);
  assert.deepEqual(await savedSkus(page), ['GL-CICD-R'], 'the browser kept the previous save');
  const file = await downloaded(page, '#download-unsaved-scope');
  assert.equal(file.name, 'scope.json');
  assert.deepEqual(JSON.parse(file.text).items.map((i) => i.sku), ['GL-CICD-R', 'GL-XPRT'], 'the file has everything');

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('junk.')) localStorage.removeItem(key);
  });
  await add(page, 'GL-MIG-SM-SAAS');
  await page.locator('#notice-not-saved').waitFor({ state: 'detached' });
  assert.deepEqual(await savedSkus(page), ['GL-CICD-R', 'GL-XPRT', 'GL-MIG-SM-SAAS']);
  await page.reload();
  await page.waitForSelector('.offering h1');
  assert.match(await page.textContent('.scope-count'), /3 items in scope/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [kind, damaged, reason] of [
  ['damaged', '{"items": [{"sku": "GL-CICD-R"', /not valid JSON/],
  ['newer', '{"format": 2, "items": [{"sku": "GL-CICD-R", "bundle": "x"}]}', /format: unknown field/],
]) {
  test(`a ${kind} save is set aside, never saved over, and offered as a file`, async () => {
    const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
    // Written once the app has saved what it shows: the test is about a save found damaged
    // when the page starts, not one damaged while a save of this tab is still pending.
    await settled(page);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SCOPE_KEY, damaged]);
    await page.reload();
    const notice = page.locator('#notice-unreadable-scope[role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be read/);
    assert.match(await notice.textContent(), reason);
    assert.match(await page.textContent('.scope-count'), /0 items in scope/);

    await add(page, 'GL-XPRT');
    const aside = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('scopecraft.scope.unreadable.')),
    );
    assert.equal(aside.length, 1, `one copy set aside: ${aside}`);
    assert.match(await notice.textContent(), new RegExp(aside[0].replaceAll('.', '\\.')), 'the notice names it');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), aside[0]), damaged, 'kept as it was');
    assert.deepEqual(await savedSkus(page), ['GL-XPRT'], 'the new scope is saved in its place');
    const file = await downloaded(page, '#download-unreadable-scope');
    assert.equal(file.name, 'unreadable-scope.json');
    assert.equal(file.text, damaged);

    await page.reload();
    await page.waitForSelector('.offering h1');
    assert.equal(await page.locator('#notice-unreadable-scope').count(), 0, 'told once');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), aside[0]), damaged);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an unreadable save with no room to set it aside is not saved over until the notice is closed', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  const damaged = '{"items": [';
  await settled(page); // the app's own first save is written before the damaged one
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SCOPE_KEY, damaged]);
  await fillStorage(page);
  await page.reload();
  const notice = page.locator('#notice-unreadable-scope');
  await notice.waitFor();
  assert.match(await notice.textContent(), /no room to set it aside/);
  await add(page, 'GL-XPRT');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), SCOPE_KEY), damaged, 'not saved over');
  assert.equal((await downloaded(page, '#download-unreadable-scope')).text, damaged);
  // Closing the notice is the user's say: saving resumes (and, with storage still full, says
  // that it fails).
  await notice.getByRole('button', { name: 'Close' }).click();
  await page.locator('#notice-not-saved').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link over a scope with items asks first; either choice keeps a way back', async () => {
  const sender = await openApp(browser, server.url, DESKTOP);
  await add(sender.page, 'GL-MIG-SM-SAAS');
  await openScope(sender.page);
  await sender.page.click('#copy-share-link');
  await sender.page.waitForSelector('#share-link');
  const link = await sender.page.inputValue('#share-link');
  await sender.context.close();

  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await add(page, 'GL-XPRT');
  await add(page, 'GL-CICD-R');
  await page.goto(link);
  const notice = page.locator('#share-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /holds a scope with 1 item.*your scope \(2 items\)/);
  assert.match(await page.textContent('.scope-count'), /2 items in scope/, 'nothing replaced yet');
  await page.click('#keep-scope');
  assert.equal(await notice.count(), 0);
  assert.match(await page.textContent('.scope-count'), /2 items in scope/, 'kept');

  await page.goto(link);
  await page.click('#open-shared');
  await page.waitForFunction(() => /1 item in scope/.test(document.querySelector('.scope-count').textContent));
  assert.match(await page.textContent('#quote'), /GL-MIG-SM-SAAS|migration/i);
  await page.click('#restore-scope');
  assert.match(await page.textContent('.scope-count'), /2 items in scope/, 'brought back');
  assert.deepEqual((await savedSkus(page)).sort(), ['GL-CICD-R', 'GL-XPRT']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a catalog opened from a file is remembered across reloads, describes itself, and the built-in one is a click away', async () => {
  const small = await readFile(join(repoRoot, 'web', 'tests', 'fixtures', 'small-catalog.toml'), 'utf8');
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  assert.match(await page.textContent('#catalog-lead'), /^Education, Implementation, Migration.*, from GitLab Professional Services\./);
  await page.setInputFiles('#open-catalog', { name: 'small.toml', mimeType: 'text/plain', buffer: Buffer.from(small) });
  await page.waitForSelector('#card-TR-GIT-R');
  await page.reload();
  await page.waitForSelector('#card-TR-GIT-R');
  assert.match(await page.textContent('.catalog-name'), /Small Test Catalog/);
  assert.match(await page.textContent('#catalog-from-file'), /Small Test Catalog \(version 2024\.1\), a catalog opened from a file/);
  const lead = await page.textContent('#catalog-lead');
  assert.match(lead, /^Training and Consulting, from Small Test Catalog\./, 'the intro comes from the catalog');
  assert.doesNotMatch(lead, /implementation|migration|expert help/i);

  await page.click('#back-to-builtin');
  await page.waitForSelector('#card-GL-CICD-R');
  assert.equal(await page.locator('#catalog-from-file').count(), 0);
  await page.reload();
  await page.waitForSelector('#card-GL-CICD-R');
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/, 'forgotten');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a remembered catalog that cannot be read is set aside; the built-in catalog shows', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  const damaged = '{"format": 1, "id": "cut-short"';
  await page.evaluate((text) => localStorage.setItem('scopecraft.catalog', text), damaged);
  await page.reload();
  const notice = page.locator('#notice-unreadable-catalog[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /catalog kept in this browser could not be read/);
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/);
  assert.equal((await downloaded(page, '#download-unreadable-catalog')).text, damaged);
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('scopecraft.catalog.unreadable.')),
  );
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('scopecraft.catalog')), null);
  assert.deepEqual(errors, []);
  await context.close();
});
