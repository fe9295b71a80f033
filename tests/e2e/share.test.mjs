// End-to-end tests of share links: the whole scope (never a price) travels in the URL
// fragment, opens in a fresh browser with prices recomputed from the catalog, warns when the
// catalog differs from the sender's, and a damaged link explains itself without breaking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, repoRoot } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };

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

async function addFromOffering(page, sku) {
  await page.goto(`${server.url}#/offering/${encodeURIComponent(sku)}`);
  await page.waitForSelector('.offering h1');
  await page.locator('.delivery-option button').first().click();
}

/** Makes a share link on `page` (at the scope page) and returns it. */
async function shareLink(page) {
  await page.click('#copy-share-link');
  await page.waitForSelector('#share-link');
  return page.inputValue('#share-link');
}

test('a share link carries the whole scope to a fresh browser, which prices it itself', async () => {
  const sender = await openApp(browser, server.url, DESKTOP);
  await sender.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = sender.page;
  await addFromOffering(page, 'GL-MIG-SM-SAAS');
  await addFromOffering(page, 'GL-XPRT');
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  await page.fill('#q-migration-users', '400');
  await page.selectOption('#q-migration-destination', 'gitlab_com');
  await page.check('#mode-executive');
  await page.fill('#intake-customer', 'Shared Corp');
  await page.fill('#line-1-discount', '12');
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${server.url}#/share/s1.`), link);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is copied');
  assert.doesNotMatch(decodeURIComponent(link), /USD|EUR/, 'no price in the link');
  const senderTotal = await page.textContent('#quote-total');

  const receiver = await openApp(browser, link, DESKTOP);
  const other = receiver.page;
  await other.waitForSelector('#share-notice');
  assert.match(await other.textContent('#share-notice'), /shared scope/);
  assert.equal(new URL(other.url()).hash, '#/scope', 'the address no longer holds the link');
  assert.equal(await other.inputValue('#q-migration-users'), '400');
  assert.equal(await other.inputValue('#q-migration-destination'), 'gitlab_com');
  assert.equal(await other.locator('.quote-line').count(), 2);
  assert.equal(await other.locator('#catalog-changed').count(), 0, 'same catalog: no warning');
  await other.check('#mode-executive');
  assert.equal(await other.inputValue('#intake-customer'), 'Shared Corp');
  assert.equal(await other.inputValue('#line-1-discount'), '12');
  assert.equal(await other.textContent('#quote-total'), senderTotal, 'the same total, worked out again');

  await other.reload();
  await other.waitForSelector('#quote');
  assert.equal(await other.locator('#share-notice').count(), 0, 'a reload does not reopen the link');
  assert.equal(await other.locator('.quote-line').count(), 2, 'the opened scope was saved');
  assert.deepEqual(receiver.errors, []);
  assert.deepEqual(sender.errors, []);
  await receiver.context.close();
  await sender.context.close();
});

test('a link made with another catalog opens with a notice', async () => {
  const small = await readFile(join(repoRoot, 'web', 'tests', 'fixtures', 'small-catalog.toml'), 'utf8');
  const sender = await openApp(browser, server.url, DESKTOP);
  await sender.page.setInputFiles('#open-catalog', { name: 'small.toml', mimeType: 'text/plain', buffer: Buffer.from(small) });
  await sender.page.waitForSelector('#card-TR-GIT-R');
  await addFromOffering(sender.page, 'TR-GIT-R');
  await sender.page.click('#scope-link');
  await sender.page.waitForSelector('#quote');
  const link = await shareLink(sender.page);

  const receiver = await openApp(browser, link, DESKTOP);
  await receiver.page.waitForSelector('#catalog-changed');
  assert.match(await receiver.page.textContent('#catalog-changed'), /small-test version 2024\.1/);
  assert.match(await receiver.page.textContent('#quote'), /TR-GIT-R/, 'the quote names what this catalog lacks');
  // The link carries the prices it was quoted at, so the receiver sees what changed, not only
  // that the catalog differs: TR-GIT-R is not in the GitLab catalog, so it is listed as retired
  // with its old amount, and the total falls by it.
  await receiver.page.waitForSelector('#catalog-changes');
  const retired = receiver.page.locator('#catalog-changes li[data-sku="TR-GIT-R"]');
  assert.equal(await retired.getAttribute('data-change'), 'Retired');
  assert.match(await retired.textContent(), /USD [\d,]+\.\d\d, retired: no longer in the catalog/);
  assert.match(await receiver.page.textContent('#catalog-changes'), /Total: USD [\d,]+\.\d\d → /);
  assert.deepEqual(receiver.errors, []);
  await receiver.context.close();
  await sender.context.close();
});

test('a tampered or cut link shows a friendly error and leaves the scope alone', async () => {
  const sender = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(sender.page, 'GL-CICD-R');
  await sender.page.click('#scope-link');
  await sender.page.waitForSelector('#quote');
  const link = await shareLink(sender.page);
  await sender.context.close();

  const middle = Math.floor((link.length + link.indexOf('s1.')) / 2);
  const swapped = link[middle] === 'A' ? 'B' : 'A';
  const tampered = link.slice(0, middle) + swapped + link.slice(middle + 1);
  for (const bad of [tampered, link.slice(0, -7), `${server.url}#/share/hello`]) {
    const { context, page, errors } = await openApp(browser, bad, DESKTOP);
    const notice = page.locator('#share-notice[role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be opened/);
    assert.match(await page.textContent('.scope-count'), /0 items in scope/);
    assert.equal(await page.locator('.scope-page h1').textContent(), 'Your scope');
    await page.getByRole('button', { name: 'Close' }).click();
    assert.equal(await page.locator('#share-notice').count(), 0);
    assert.deepEqual(errors, [], bad);
    await context.close();
  }
});
