// End-to-end tests of opening another catalog from a file: catalog text is shown as text and
// never runs, a refused file keeps the catalog that was active, and GitLab's services.yml is
// imported with its warnings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, repoRoot } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const HOSTILE = '<img src=x onerror=alert(1)>';

let server;
let browser;
let small;

before(async () => {
  small = await readFile(join(repoRoot, 'web', 'tests', 'fixtures', 'small-catalog.toml'), 'utf8');
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function file(name, text) {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(text) };
}

test('a catalog with markup in a description shows the text and runs nothing', async () => {
  const { context, page, errors, requests } = await openApp(browser, server.url, DESKTOP);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const loaded = requests.length;
  const hostile = small.replace(
    'description = "Commits, branches and merge requests.',
    `description = "${HOSTILE} Commits, branches and merge requests.`,
  ).replace('summary = "A first class in Git, taught live over video."', `summary = "${HOSTILE}"`);
  assert.notEqual(hostile, small);
  await page.setInputFiles('#open-catalog', file('hostile.toml', hostile));
  await page.waitForFunction(() => /Small Test Catalog/.test(document.querySelector('.catalog-name')?.textContent ?? ''));
  assert.match(await page.textContent('.catalog-loader [role="status"]'), /Small Test Catalog/);

  // On the card and the detail, the markup is text.
  const card = page.locator('.card', { has: page.locator('#card-TR-GIT-R') });
  assert.equal(await card.locator('.card-summary').textContent(), HOSTILE);
  await page.click('#card-TR-GIT-R');
  await page.waitForSelector('.offering h1');
  assert.match(await page.textContent('.offering-description'), /<img src=x onerror=alert\(1\)> Commits/);
  assert.equal(await page.locator('#app img').count(), 0, 'no image element was made');

  // The scope page too.
  await page.locator('.delivery-option button').first().click();
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  assert.equal(await page.locator('#app img').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, [], 'no script ran');
  assert.deepEqual(requests.slice(loaded), [], 'nothing was requested (not even the image)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused catalog file lists its problems and keeps the active catalog', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  const broken = small.replace('sku = "TR-GIT"\n', 'sku = "TR-GIT-R"\n');
  await page.setInputFiles('#open-catalog', file('broken.toml', broken));
  await page.waitForSelector('#catalog-problems');
  assert.match(await page.textContent('#catalog-problems'), /broken\.toml/);
  assert.match(await page.textContent('#catalog-problems'), /TR-GIT-R/);
  assert.match(await page.textContent('.catalog-loader [role="status"]'), /not loaded/);
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/);
  assert.equal(await page.locator('#card-GL-CICD-R').count(), 1);

  await page.setInputFiles('#open-catalog', file('garbage.json', '{"format": 1, "id": '));
  // The file is read asynchronously: wait for the second file's problems to replace the first's.
  await page.waitForFunction(() => /garbage\.json/.test(document.querySelector('#catalog-problems')?.textContent ?? ''));
  assert.doesNotMatch(await page.textContent('#catalog-problems'), /broken\.toml/);
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("GitLab's services.yml is imported with its warnings; the built-in catalog comes back", async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  const yaml = [
    '- id: demo_class',
    '  name: Demo class',
    '  short_desc: A <b>short</b> demo.',
    '  category: Education',
    '  price: "$1,000"',
    '  unit: session',
    '  sku: GL-DEMO',
    '',
  ].join('\n');
  await page.setInputFiles('#open-catalog', file('services.yml', yaml));
  await page.waitForSelector('#card-GL-DEMO');
  assert.equal(await page.locator('.card-link').count(), 1);
  assert.match(await page.textContent('#catalog-warnings summary'), /\d+ import warnings?/);
  assert.equal(await page.locator('#app b').count(), 0);
  await page.click('#builtin-catalog');
  await page.waitForSelector('#card-GL-CICD-R');
  assert.match(await page.textContent('.catalog-name'), /GitLab Professional Services/);
  assert.deepEqual(errors, []);
  await context.close();
});
