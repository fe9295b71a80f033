// End-to-end test of the SOW draft's print layout, in headless Chromium against the release
// dist/: the account executive opens a public-sector implementation scope, opens the SOW
// draft the core wrote, and the draft is printed to PDF (DevTools Page.printToPDF, through
// playwright). Sections flow one after the other instead of each starting a page, so the
// draft fills few pages; table rows are never split between pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, pdfPageCount, repoRoot, artifactsDir } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const SCENARIO = join(repoRoot, 'tests', 'scenarios', 'sow-public-sector-implementation.json');

// US Letter (8.5 × 11 in at 96 CSS px an inch) less the draft's own @page margins (20 mm top
// and bottom, 18 mm left and right): the box one printed page holds.
const MM = 96 / 25.4;
const PRINTABLE = { width: Math.floor(8.5 * 96 - 2 * 18 * MM), height: Math.floor(11 * 96 - 2 * 20 * MM) };

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

test('the SOW draft prints on few pages: sections flow, table rows stay whole', async () => {
  const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
  await page.goto(`${server.url}#/scope`);
  await page.waitForSelector('#open-scope');
  await page.setInputFiles('#open-scope', SCENARIO);
  await page.check('#mode-executive');
  await page.waitForSelector('#open-sow-draft');
  const [draft] = await Promise.all([context.waitForEvent('page'), page.click('#open-sow-draft')]);
  await draft.waitForLoadState();
  assert.match(await draft.textContent('h1'), /Statement of Work: Federal Grid Authority/);
  const sections = await draft.locator('h2.section').count();
  assert.ok(sections >= 6, `the template's numbered sections: ${sections}`);

  // The print rules as the browser applies them: no section forces a page break, and
  // neither a table row nor a list item may be split.
  await draft.emulateMedia({ media: 'print' });
  const rules = await draft.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    return {
      sectionBreak: [...document.querySelectorAll('h2.section')].map((h) => getComputedStyle(h).breakBefore),
      rowInside: style('tr').breakInside,
      headingAfter: style('h2.section').breakAfter,
    };
  });
  assert.deepEqual([...new Set(rules.sectionBreak)], ['auto'], 'no section starts a page by force');
  assert.equal(rules.rowInside, 'avoid', 'table rows never split');
  assert.equal(rules.headingAfter, 'avoid', 'a heading stays with what follows it');

  // The bound: the pages the draft's text fills when it flows (its height, laid out for
  // print at the printable width, over the printable height, rounded up), and one more for
  // the rows and headings moved whole to the next page. Before sections flowed, this draft
  // printed on 8 pages, one for each section (measured: 8; flowing: 4, its text being
  // 3.2 pages long).
  await draft.setViewportSize(PRINTABLE);
  const height = await draft.evaluate(() => document.documentElement.scrollHeight);
  const bound = Math.ceil(height / PRINTABLE.height) + 1;
  const pdf = await draft.pdf({ format: 'Letter', preferCSSPageSize: true });
  await writeFile(join(artifactsDir, 'sow-draft-public-sector.pdf'), pdf);
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 2, `the draft has more than one page of text: ${pages}`);
  assert.ok(pages <= bound, `printed on ${pages} pages; its ${height} px of text fill ${bound - 1}, so at most ${bound}`);
  assert.ok(pages < sections, `fewer pages (${pages}) than sections (${sections}): they do not each take a page`);
  assert.deepEqual(errors, []);
  await context.close();
});
