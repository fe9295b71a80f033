// Accessibility: axe-core (pinned in package.json) checks the catalog, an offering, the scope
// page and the account-executive view, with the notices the app shows, for WCAG 2.x A and AA
// violations; there must be none. The page's policy forbids inline scripts, so the test's
// context bypasses it to inject axe (the app itself runs exactly as shipped).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, addFromOffering, repoRoot } from './harness.mjs';

const CONTEXT = { viewport: { width: 1280, height: 900 }, bypassCSP: true };

let server;
let browser;
let axeSource;

before(async () => {
  axeSource = await readFile(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The violations axe finds on the page as it is, one readable line per rule and element. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

test('the catalog, an offering, the scope page and the account-executive view have no axe violations', async () => {
  const { context, page, errors } = await openApp(browser, server.url, CONTEXT);
  assert.deepEqual(await violations(page), [], 'catalog');

  await page.fill('input[type="search"]', 'zzzz no such offering');
  await page.waitForSelector('.empty');
  assert.deepEqual(await violations(page), [], 'catalog with no match');
  await page.fill('input[type="search"]', '');

  await addFromOffering(page, server.url, 'GL-MIG-SM-SAAS');
  assert.deepEqual(await violations(page), [], 'offering page');
  await addFromOffering(page, server.url, 'GL-CICD-R');
  // Time and materials: the account executive edits its effort by role, cap and note.
  await addFromOffering(page, server.url, 'PS-CUSTOM-IMPL');

  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  assert.deepEqual(await violations(page), [], 'scope page (customer)');

  await page.check('#mode-executive');
  await page.waitForSelector('#intake-customer');
  await page.waitForSelector('#line-2-effort-engineer');
  assert.deepEqual(await violations(page), [], 'account-executive view');
  await page.fill('#line-2-effort-engineer', '40');
  await page.fill('#line-2-discount', '150');
  await page.waitForSelector('#line-2-discount-error');
  assert.deepEqual(await violations(page), [], 'account-executive view with a value the core refused');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the notices and the empty scope have no axe violations', async () => {
  const { context, page, errors } = await openApp(browser, `${server.url}#/scope`, CONTEXT);
  await page.waitForSelector('.scope-empty');
  assert.deepEqual(await violations(page), [], 'empty scope');
  await page.evaluate(() => localStorage.setItem('scopecraft.scope', '{"items": ['));
  await page.reload();
  await page.waitForSelector('#notice-unreadable-scope');
  await page.goto(`${server.url}#/share/not-a-link`);
  await page.waitForSelector('#share-notice');
  assert.deepEqual(await violations(page), [], 'scope page with notices');
  assert.deepEqual(errors, []);
  await context.close();
});
