// End-to-end test of the account executive's line editor, in headless Chromium against the
// release dist/: the effort by role and the not-to-exceed cap of time-and-materials work, a
// line discount as an amount, and the item's note. Every value is checked by the core
// before it reaches the scope (its message beside the field); what the scope takes is
// priced, saved across a reload and carried by a share link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openApp, addFromOffering } from './harness.mjs';

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

const total = async (page) => (await page.textContent('#quote-total')).trim();

test('hours by role, a cap, an amount discount and a note are priced, kept and checked by the core', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // Custom implementation: time and materials, staffed by an architect, engineers and a
  // project manager, each billed at USD 300 an hour on the catalog's rate card.
  await addFromOffering(page, server.url, 'PS-CUSTOM-IMPL');
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  assert.equal(await page.locator('#line-0-effort-architect').count(), 0, 'the customer preview has no effort fields');
  await page.check('#mode-executive');
  await page.waitForSelector('#line-0-effort-architect');
  assert.match(await page.textContent('.quote-line-amount'), /Estimated by the PS team/, 'no effort yet');
  assert.equal(await page.locator('.quote-line-effort legend').textContent(), 'Effort: hours by role');
  for (const role of ['architect', 'engineer', 'project_manager']) {
    assert.equal(await page.locator(`#line-0-effort-${role}`).count(), 1, role);
  }

  // 10 h + 40 h + 4 h = 54 h at USD 300 = 16,200.
  await page.fill('#line-0-effort-architect', '10');
  await page.fill('#line-0-effort-engineer', '40');
  assert.equal(await total(page), 'USD 15,000.00', '50 h × 300');
  await page.fill('#line-0-effort-project_manager', '4');
  assert.equal(await total(page), 'USD 16,200.00', '54 h × 300');
  // Capped at 12,000, then 500 off: 11,500.
  await page.fill('#line-0-not-to-exceed', '12000');
  assert.equal(await total(page), 'USD 12,000.00', 'the cap');
  assert.match(await page.textContent('#quote-warnings'), /above the not-to-exceed cap/);
  await page.fill('#line-0-discount-amount', '500');
  assert.equal(await total(page), 'USD 11,500.00', '12,000 − 500');
  assert.match(await page.textContent('.quote-line-discount'), /Line discount: −USD 500\.00/);
  await page.fill('#line-0-note', 'Air-gapped: installers are scanned and carried in by hand.');

  // A value the scope format refuses: core's message beside the field, the price unchanged.
  await page.fill('#line-0-discount', '150');
  assert.equal(await page.textContent('#line-0-discount-error'), '150 is out of range: expected 0 to 100');
  assert.equal(await page.getAttribute('#line-0-discount', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#line-0-discount', 'aria-describedby'), 'line-0-discount-error');
  assert.equal(await total(page), 'USD 11,500.00', 'nothing refused reaches the scope');
  // One the engine refuses: a percentage beside the amount.
  await page.fill('#line-0-discount', '5');
  assert.equal(await page.textContent('#line-0-discount-error'),
    'give a discount as a percentage or as an amount, not both');
  assert.equal(await total(page), 'USD 11,500.00');
  // Saved: a reload finds every value, and the same total.
  await page.reload();
  await page.waitForSelector('#line-0-effort-architect');
  const kept = async (p) => ({
    architect: await p.inputValue('#line-0-effort-architect'),
    engineer: await p.inputValue('#line-0-effort-engineer'),
    manager: await p.inputValue('#line-0-effort-project_manager'),
    cap: await p.inputValue('#line-0-not-to-exceed'),
    amount: await p.inputValue('#line-0-discount-amount'),
    percent: await p.inputValue('#line-0-discount'),
    note: await p.inputValue('#line-0-note'),
    total: await total(p),
  });
  const expected = {
    architect: '10',
    engineer: '40',
    manager: '4',
    cap: '12000',
    amount: '500',
    percent: '',
    note: 'Air-gapped: installers are scanned and carried in by hand.',
    total: 'USD 11,500.00',
  };
  assert.deepEqual(await kept(page), expected);

  // Shared: a fresh browser opening the link finds them too.
  await page.click('#copy-share-link');
  await page.waitForSelector('#share-link');
  const link = await page.inputValue('#share-link');
  const receiver = await openApp(browser, link, DESKTOP);
  await receiver.page.waitForSelector('#share-notice');
  await receiver.page.check('#mode-executive');
  await receiver.page.waitForSelector('#line-0-effort-architect');
  assert.deepEqual(await kept(receiver.page), expected);
  assert.deepEqual(receiver.errors, []);
  assert.deepEqual(errors, []);
  await receiver.context.close();
  await context.close();
});
