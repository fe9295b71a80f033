// End-to-end tests of the scope page, in headless Chromium against the release dist/:
// the scoping questionnaire narrowing a migration's range, the account executive's discount
// and its approval, the SOW-request export compared byte for byte with the CLI, autosave
// across a reload, scope files, and the page at 375 px. Screenshots go to artifacts/.
//
// The SOW request records when it was generated. A page opened with `?clock=<RFC 3339>` in
// its URL passes that timestamp to the core instead of the browser's clock (it fixes nothing
// else), so the download can be compared with `scopecraft sow-request --generated-at`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, repoRoot, artifactsDir } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const MOBILE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const CLOCK = '2026-03-31T09:30:00Z';

let server;
let browser;

before(async () => {
  await mkdir(artifactsDir, { recursive: true });
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The CLI binary, built if the native test step has not built it already. */
/**
 * The catalog the page embeds: the public projection of the GitLab catalog, written once by
 * `scopecraft catalog publish --public`, so the CLI prices with the same catalog as the page.
 */
let publicCatalogFile;
function publicCatalog() {
  if (!publicCatalogFile) {
    mkdirSync(artifactsDir, { recursive: true });
    publicCatalogFile = join(artifactsDir, 'public-catalog.json');
    const text = execFileSync(cli(), ['catalog', 'publish', '--public', '--format', 'json'], { encoding: 'utf8' });
    writeFileSync(publicCatalogFile, text);
  }
  return publicCatalogFile;
}

function cli() {
  const binary = join(repoRoot, 'target', 'debug', 'scopecraft');
  if (!existsSync(binary)) {
    execFileSync('cargo', ['build', '--quiet', '--package', 'scopecraft-cli'], { cwd: repoRoot });
  }
  return binary;
}

/** Adds `sku` from its offering page (the first "Add" button). */
async function addFromOffering(page, sku) {
  await page.goto(`${server.url}#/offering/${encodeURIComponent(sku)}`);
  await page.waitForSelector('.offering h1');
  await page.locator('.delivery-option button').first().click();
}

async function openScope(page) {
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
}

/** The numbers in an amount or range text: "USD 30,000.00 – 256,000.00" → [30000, 256000]. */
function amounts(text) {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

async function total(page) {
  return (await page.textContent('#quote-total')).trim();
}

async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('answering the migration questions narrows the range; conditions and validation come from the core', async () => {
  const { context, page, errors, consoleErrors, requests } = await openApp(browser, server.url, DESKTOP);
  const loaded = requests.length;
  await addFromOffering(page, 'GL-MIG-SM-SAAS');
  await openScope(page);
  assert.equal(await page.title(), 'Your scope — GitLab Professional Services');
  assert.match(await page.textContent('#quote-status'), /range/i);
  const progress = () => page.textContent('#scoping-progress-text');
  assert.match(await progress(), /^0 of \d+ required answers given$/);

  const [low0, high0] = amounts(await total(page));
  assert.ok(high0 > low0, `a range before any answer: ${await total(page)}`);

  // Each question shows its example and why it is asked; required ones are marked.
  const users = page.locator('.question', { has: page.locator('#q-migration-users') });
  assert.match(await users.textContent(), /Required/);
  assert.match(await users.textContent(), /Example:/);
  assert.match(await users.textContent(), /Why we ask:/);

  // A wrong answer shows the core's message inline and is left out of the price.
  await page.fill('#q-migration-users', 'lots');
  assert.match(await page.textContent('#q-migration-users-error'), /whole number/);
  assert.equal(await page.getAttribute('#q-migration-users', 'aria-invalid'), 'true');
  assert.match(await progress(), /^0 of/);

  await page.fill('#q-migration-users', '400');
  assert.equal(await page.locator('#q-migration-users-error').count(), 0);
  assert.match(await progress(), /^1 of/);
  const afterUsers = amounts(await total(page));

  await page.fill('#q-migration-repositories', '800');
  const afterRepos = amounts(await total(page));
  assert.ok(afterRepos[1] - afterRepos[0] < afterUsers[1] - afterUsers[0] || afterRepos[1] < afterUsers[1],
    `the range narrows: ${afterUsers} → ${afterRepos}`);
  assert.ok(afterRepos[1] - afterRepos[0] < high0 - low0, `narrower than before any answer: ${afterRepos}`);

  // A conditional rule: large repositories become required for migrations to GitLab.com.
  const large = page.locator('.question', { has: page.locator('#q-migration-large-repositories') });
  assert.doesNotMatch(await large.textContent(), /Required/);
  await page.selectOption('#q-migration-destination', 'gitlab_com');
  assert.match(await large.textContent(), /Required/);
  await page.fill('#q-migration-large-repositories', '12');
  const answered = amounts(await total(page));
  assert.ok(answered[0] > afterRepos[0], `large repositories add to the price: ${afterRepos} → ${answered}`);
  const [done, of] = amounts(await progress());
  assert.equal(done, of, `every required answer given: ${await progress()}`);
  assert.equal(await page.locator('.missing-answers').count(), 0);

  // "Why this price" shows the core's trace for the line.
  const why = page.getByRole('button', { name: /Why this price for Self-managed GitLab to GitLab.com migration/ });
  await why.click();
  assert.equal(await why.getAttribute('aria-expanded'), 'true');
  assert.ok((await page.locator('.trace li').count()) >= 2);
  assert.match(await page.textContent('.trace'), /12/);

  await page.screenshot({ path: join(artifactsDir, 'scoping-desktop.png'), fullPage: true });
  await page.locator('.questionnaire').screenshot({ path: join(artifactsDir, 'scoping-questions.png') });
  await page.locator('#quote').screenshot({ path: join(artifactsDir, 'quote.png') });

  assert.deepEqual(requests.slice(loaded).filter((u) => !u.startsWith(server.url)), [], 'no request leaves the machine');
  assert.deepEqual(requests.slice(loaded), [], 'no network request after loading');
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('lines take quantities, attendees and delivery; totals follow every keystroke; expenses stay apart', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(page, 'GL-CICD-R');
  await openScope(page);
  const line = page.locator('.quote-line[data-sku="GL-CICD-R"]');
  const attendees = line.getByLabel('Attendees');
  await attendees.fill('12');
  const twelve = await total(page);
  await attendees.fill('30');
  const thirty = await total(page);
  assert.notEqual(twelve, thirty, 'more attendees, another price');
  assert.ok(amounts(thirty)[0] > amounts(twelve)[0]);
  await attendees.fill('3x');
  assert.match(await line.textContent(), /Enter a whole number/);
  assert.equal(await total(page), thirty, 'an unreadable number keeps the last good price');

  // On-site swaps to the sibling SKU and shows travel apart from the total.
  await line.getByLabel('Delivery').selectOption('on_site');
  await page.waitForSelector('.quote-line[data-sku="GL-CICD"]');
  assert.match(await page.textContent('#quote-expenses'), /USD/);
  assert.match(await page.textContent('.totals-expenses dt'), /not in the total/);

  // EUR is a price book of its own: amounts are formatted by the core in euros.
  await page.selectOption('#quote-currency', 'EUR');
  assert.match(await total(page), /^EUR /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('account executive: a discount over the threshold shows its approval; the customer preview hides it', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(page, 'GL-XPRT');
  await openScope(page);
  assert.equal(await page.isChecked('#mode-customer'), true, 'the customer preview is the default');
  assert.match(await page.textContent('.mode-note'), /only hides or shows fields/);
  assert.equal(await page.locator('#line-0-discount').count(), 0, 'no discounts in the customer preview');
  const list = await total(page);

  await page.check('#mode-executive');
  assert.equal(await page.locator('#intake-customer').count(), 1, 'intake fields appear');
  await page.fill('#line-0-discount', '30');
  assert.ok(amounts(await total(page))[0] < amounts(list)[0], 'the discount lowers the total');
  // The public site's catalog has no approval rules (internal policy)…
  assert.equal(await page.locator('.badge-approval').count(), 0, 'the public build holds no approval rule');

  // …the full catalog, opened from a file as an account executive would, has them.
  const full = await readFile(join(repoRoot, 'crates', 'core', 'catalogs', 'gitlab.toml'));
  await page.goto(`${server.url}#/`);
  await page.setInputFiles('#open-catalog', { name: 'gitlab.toml', mimeType: 'text/plain', buffer: full });
  await page.waitForFunction(() => /GitLab Professional Services/.test(document.querySelector('.catalog-loader [role="status"]')?.textContent ?? ''));
  await openScope(page);
  await page.fill('#line-0-discount', '30');
  const badges = page.locator('.badge-approval');
  assert.ok((await badges.count()) >= 1);
  assert.match(await page.textContent('#quote-badges'), /VP of professional services/);
  assert.match(await page.textContent('#quote-badges'), /more than 25%/);
  assert.ok(amounts(await total(page))[0] < amounts(list)[0], 'the discount lowers the total');
  await page.locator('#quote').screenshot({ path: join(artifactsDir, 'quote-account-executive.png') });

  await page.check('#mode-customer');
  assert.equal(await page.locator('.badge-approval').count(), 0, 'approvals are hidden from customers');
  assert.equal(await total(page), list, 'customers see list prices');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the SOW-request JSON is byte-identical to the CLI for the same scope, catalog and time', async () => {
  const scopeFile = join(repoRoot, 'tests', 'scenarios', 'sow-eur-migration.json');
  const expected = execFileSync(cli(), ['sow-request', scopeFile, '--catalog', publicCatalog(), '--format', 'json', '--generated-at', CLOCK], {
    encoding: 'utf8',
  });
  const markdown = execFileSync(cli(), ['sow-request', scopeFile, '--catalog', publicCatalog(), '--format', 'markdown', '--generated-at', CLOCK], {
    encoding: 'utf8',
  });
  const { context, page, errors, requests } = await openApp(browser, `${server.url}?clock=${CLOCK}#/scope`, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.waitForSelector('#open-scope');
  await page.setInputFiles('#open-scope', scopeFile);
  await page.waitForSelector('.quote-line[data-sku="MIG+"]');
  assert.match(await page.textContent('.export-status'), /Opened sow-eur-migration\.json/);
  assert.match(await total(page), /^EUR /);
  await page.check('#mode-executive');
  assert.equal(await page.inputValue('#intake-customer'), 'Konditorei Schmidt GmbH');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-sow-request')]);
  assert.equal(download.suggestedFilename(), 'sow-request.json');
  const got = await readFile(await download.path(), 'utf8');
  assert.equal(got, expected, 'the download equals `scopecraft sow-request --format json`');

  await page.click('#copy-issue-markdown');
  await page.waitForFunction(() => /copied/.test(document.querySelector('.sow-request .export-status')?.textContent ?? ''));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(markdown.trimEnd()), 'the copied Markdown is the issue body');
  assert.match(copied, /\/confidential/);

  // The scope file downloads in the format the CLI reads.
  const [scopeDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-scope')]);
  const saved = await readFile(await scopeDownload.path(), 'utf8');
  const fromSaved = execFileSync(cli(), ['quote', '-', '--catalog', publicCatalog(), '--format', 'json'], { input: saved, encoding: 'utf8' });
  const fromOriginal = execFileSync(cli(), ['quote', scopeFile, '--catalog', publicCatalog(), '--format', 'json'], { encoding: 'utf8' });
  assert.equal(fromSaved, fromOriginal, 'the saved scope prices like the original');

  // Even this long request fits in one link (a short description and a share link back to
  // the whole scope): the click opens GitLab's new-issue form, confidential.
  await context.route('https://gitlab.com/**', (route) => route.fulfill({ status: 200, body: 'stand-in for GitLab' }));
  const [longPopup] = await Promise.all([context.waitForEvent('page'), page.click('#open-in-gitlab')]);
  await longPopup.waitForLoadState();
  assert.ok(longPopup.url().length <= 8000, `the link is ${longPopup.url().length} characters`);
  assert.match(longPopup.url(), /\/-\/issues\/new\?/);
  // It is the link the core builds for this scope (the CLI prints the same one): the title,
  // confidential, the short description with the share link back to this page, and no
  // issue template (GitLab would put the description after the template's text).
  const longLink = execFileSync(
    cli(),
    ['sow-request', scopeFile, '--catalog', publicCatalog(), '--format', 'url', '--generated-at', CLOCK, '--app-url', `${server.url}?clock=${CLOCK}`],
    { encoding: 'utf8' },
  ).trim();
  const opened = decodeURI(longPopup.url());
  assert.equal(opened, decodeURI(longLink), 'the link is the one the CLI makes');
  assert.match(opened, /\?issue\[title\]=Konditorei Schmidt GmbH - Scope Issue and Write SOW&/);
  assert.match(opened, /&issue\[confidential\]=true&/);
  const description = decodeURIComponent(new URL(longPopup.url()).search.split('&issue[description]=')[1]);
  assert.ok(description.includes(`${server.url}?clock=${CLOCK}#/share/s1.`), description);
  assert.match(description, /\/label ~"proposal::Scoping"/);
  assert.ok(!opened.includes('issuable_template'), opened);
  assert.match(await page.textContent('.sow-request .export-status'), /new-issue form opened/);
  await longPopup.close();

  // A short one opens GitLab's new-issue form: the only request that leaves the page, and
  // only on this click (the test stops it at the door).
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#new-scope');
  await page.setInputFiles('#open-scope', join(repoRoot, 'tests', 'scenarios', 'sow-education-basics-remote.json'));
  await page.waitForSelector('#intake-customer[value="Initech"], .quote-line');
  const expectedLink = execFileSync(
    cli(),
    // The page links back to itself (its address without the hash) for the share link.
    ['sow-request', join(repoRoot, 'tests', 'scenarios', 'sow-education-basics-remote.json'), '--catalog', publicCatalog(), '--format', 'url', '--generated-at', CLOCK, '--app-url', `${server.url}?clock=${CLOCK}`],
    { encoding: 'utf8' },
  ).trim();
  const before = requests.length;
  await context.route('https://gitlab.com/**', (route) => route.fulfill({ status: 200, body: 'stand-in for GitLab' }));
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#open-in-gitlab')]);
  await popup.waitForLoadState();
  assert.deepEqual(requests.slice(before), [], 'the page itself requests nothing');
  assert.equal(decodeURI(popup.url()), decodeURI(expectedLink), 'the link is the one the CLI makes');
  await popup.close();

  // The SOW draft opens from a local blob, as the core wrote it, ready to print.
  const violations = [];
  context.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  const [draft] = await Promise.all([context.waitForEvent('page'), page.click('#open-sow-draft')]);
  draft.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await draft.waitForLoadState();
  assert.match(await draft.evaluate(() => getComputedStyle(document.documentElement).fontFamily), /Georgia/,
    'the print stylesheet applies under the page policy');
  assert.deepEqual(violations, []);
  assert.ok(draft.url().startsWith('blob:'), draft.url());
  assert.match(await draft.textContent('h1'), /Statement of Work: Initech/);
  await draft.close();
  const draftHtml = execFileSync(
    cli(),
    ['sow-draft', join(repoRoot, 'tests', 'scenarios', 'sow-education-basics-remote.json'), '--catalog', publicCatalog(), '--format', 'html'],
    { encoding: 'utf8' },
  );
  const [draftFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-sow-draft')]);
  assert.equal(draftFile.suggestedFilename(), 'sow-draft.html');
  assert.equal(await readFile(await draftFile.path(), 'utf8'), draftHtml, 'the draft is the core\'s, as the CLI writes it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the scope is saved as it changes and restored after a reload; New scope asks first', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(page, 'GL-MIG-SM-SAAS');
  await addFromOffering(page, 'GL-XPRT');
  await openScope(page);
  await page.fill('#q-migration-users', '1500');
  await page.check('#mode-executive');
  await page.fill('#intake-customer', 'Reload Test Inc.');
  const before = await total(page);

  await page.reload();
  await page.waitForSelector('#quote');
  assert.equal(await page.inputValue('#q-migration-users'), '1500');
  assert.equal(await page.isChecked('#mode-executive'), true);
  assert.equal(await page.inputValue('#intake-customer'), 'Reload Test Inc.');
  assert.equal(await total(page), before);
  assert.match(await page.textContent('.scope-count'), /2 items in scope/);

  page.once('dialog', (dialog) => dialog.dismiss());
  await page.click('#new-scope');
  assert.match(await page.textContent('.scope-count'), /2 items in scope/, 'declining keeps the scope');
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#new-scope');
  assert.match(await page.textContent('.scope-count'), /0 items in scope/);
  await page.reload();
  await page.waitForSelector('.scope-page');
  assert.match(await page.textContent('.scope-count'), /0 items in scope/, 'the cleared scope is saved too');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a scope file the reader refuses leaves the scope as it was and says why', async () => {
  const { context, page, errors } = await openApp(browser, `${server.url}#/scope`, DESKTOP);
  await page.setInputFiles('#open-scope', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"items": [{"sku": "GL-XPRT", "attendees": "abc"}]}'),
  });
  await page.waitForSelector('.export-problems');
  assert.match(await page.textContent('.export-problems'), /items\[0\]\.attendees/);
  assert.match(await page.textContent('.export-status'), /not opened/);
  assert.match(await page.textContent('.scope-count'), /0 items in scope/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('375 px wide: the scope page fits without horizontal scrolling', async () => {
  const { context, page, errors } = await openApp(browser, server.url, MOBILE);
  await addFromOffering(page, 'GL-MIG-SM-SAAS');
  await addFromOffering(page, 'GL-CICD-R');
  await openScope(page);
  await page.fill('#q-migration-users', '400');
  assert.equal(await horizontalOverflow(page), 0, 'the scope page fits 375 px');
  await page.screenshot({ path: join(artifactsDir, 'scope-mobile.png'), fullPage: true });
  await page.check('#mode-executive');
  assert.equal(await horizontalOverflow(page), 0, 'the account executive view fits 375 px');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: reach the mode switch, answer a question and open "Why this price"', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(page, 'GL-MIG-SM-SAAS');
  await page.goto(`${server.url}#/scope`);
  await page.waitForSelector('#quote');
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  async function tabTo(id, limit = 80) {
    for (let i = 0; i < limit; i += 1) {
      if ((await focused()) === id) return true;
      await page.keyboard.press('Tab');
    }
    return (await focused()) === id;
  }
  assert.ok(await tabTo('mode-customer'), 'the mode switch is reachable');
  assert.ok(await tabTo('q-migration-users'), 'the users question is reachable by Tab');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid', 'the focused field shows a focus ring');
  await page.keyboard.type('400');
  assert.match(await page.textContent('#scoping-progress-text'), /^1 of/);
  const why = 'Why this price for Self-managed GitLab to GitLab.com migration';
  let reached = false;
  for (let i = 0; i < 120 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((name) => document.activeElement?.textContent === name, why);
  }
  assert.ok(reached, '"Why this price" is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.ok((await page.locator('.trace li').count()) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the print view holds the quote and leaves out the questions and controls', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await addFromOffering(page, 'GL-CICD-R');
  await openScope(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#quote-total'), true);
  for (const hidden of ['.questionnaire', '.export', '.site-header', '.mode-switch', '.quote-line-fields']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
  }
  await page.screenshot({ path: join(artifactsDir, 'quote-print.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
