// Every text field of a catalog carries markup that would run if it were rendered as HTML:
// a script tag, an event-handler attribute, a javascript: link. The GitLab catalog is loaded
// with that payload in every name, summary, description, audience, deliverable, assumption,
// exclusion, question, example, reason and approver, and the app is walked through the
// catalog, an offering, the scope page, the account-executive view and the price traces.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, repoRoot } from './harness.mjs';

const PAYLOAD =
  '<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>' +
  '<a href=javascript:window.__pwned=3>link</a><b>bold</b>';
const TEXT_KEYS = 'summary|reason|name|description|why|text|example|approver|remote|on_site';

let server;
let browser;
let hostile;

before(async () => {
  const gitlab = await readFile(join(repoRoot, 'crates', 'core', 'catalogs', 'gitlab.toml'), 'utf8');
  hostile = gitlab
    // Single-line strings only (not the """ SOW template).
    .replace(new RegExp(`^(${TEXT_KEYS}) = "(?!"")`, 'gm'), `$1 = "${PAYLOAD} `)
    .replace(/^(audience|deliverables|assumptions|exclusions) = \["/gm, `$1 = ["${PAYLOAD} `);
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('markup in every catalog text field is shown as text and never runs', async () => {
  const injected = hostile.split(PAYLOAD).length - 1;
  assert.ok(injected > 300, `the payload is in ${injected} fields`);

  const { context, page, errors, requests } = await openApp(browser, server.url, {
    viewport: { width: 1280, height: 900 },
  });
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const loaded = requests.length;
  await page.setInputFiles('#open-catalog', {
    name: 'hostile.toml',
    mimeType: 'text/plain',
    buffer: Buffer.from(hostile),
  });
  await page.waitForFunction(() => /<script>/.test(document.querySelector('.catalog-name')?.textContent ?? ''), null, {
    timeout: 30_000,
  });

  // The catalog: card names and summaries show the markup as characters.
  const summary = await page.locator('.card .card-summary').first().textContent();
  assert.ok(summary.includes('<script>window.__pwned=1</script>'), summary);

  // An offering, added to the scope.
  await page.click('#card-GL-MIG-SM-SAAS');
  await page.waitForSelector('.offering h1');
  assert.ok((await page.textContent('.offering h1')).includes('<b>bold</b>'));
  await page.locator('.delivery-option button').first().click();
  await page.goto(`${server.url}#/offering/GL-CICD-R`);
  await page.waitForSelector('.offering h1');
  await page.locator('.delivery-option button').first().click();

  // The scope page in the account-executive view: questions, examples, reasons,
  // recommendations, approvals, and every line's trace opened.
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  await page.getByLabel('Account executive').check();
  for (const button of await page.getByRole('button', { name: /Why this price/ }).all()) {
    await button.click();
  }
  const body = await page.textContent('#app');
  assert.ok(body.includes('<img src=x onerror=window.__pwned=2>'), 'the payload is visible as text');

  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('#app img, #app script, #app b, #app a[href^="javascript:"]').count(), 0);
  assert.deepEqual(requests.slice(loaded), [], 'nothing was requested (not even the image)');
  assert.deepEqual(errors, []);
  await context.close();
});
