// End-to-end tests of the app offline and installable: after one visit its service worker
// serves every file of the build, so the page opens and works with no network; the web app
// manifest is linked and complete; the app works the same from a sub-path (GitLab Pages serves
// /<project>/); and a new build is taken on the next visit, with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, openPage, addFromOffering, offlineReady, distDir } from './harness.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Visits `url` once, goes offline, and checks the app opens, browses and adds an item. */
async function worksOffline(server, url) {
  const { context, page, errors } = await openApp(browser, url, DESKTOP);
  await offlineReady(page);
  const scope = await page.evaluate(() => navigator.serviceWorker.controller && navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, url, 'the worker\'s scope is the app\'s folder');
  await context.setOffline(true);
  const served = server.hits.length;

  await page.reload();
  await page.waitForSelector('#card-GL-CICD-R');
  assert.match(await page.textContent('h1'), /Services catalog/);
  await addFromOffering(page, url, 'GL-CICD-R');
  await page.click('#scope-link');
  await page.waitForSelector('#quote');
  assert.equal(await page.locator('.quote-line').count(), 1);
  assert.match(await page.textContent('#quote-total'), /5,000\.00/, 'priced offline');
  // A new tab opened offline starts too, with the scope saved.
  const other = await openPage(context, `${url}?clock=2026-03-31T09:30:00Z#/scope`);
  await other.page.waitForSelector('#quote');
  assert.equal(await other.page.locator('.quote-line').count(), 1);
  assert.deepEqual(server.hits.slice(served), [], 'nothing reached the server while offline');
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
}

test('after one visit the app opens and works with no network', async () => {
  const server = await serveDist();
  try {
    await worksOffline(server, server.url);
  } finally {
    await server.close();
  }
});

test('served from a sub-path, the app, its worker and its manifest stay inside it', async () => {
  const server = await serveDist(distDir, { base: '/scopecraft/' });
  try {
    await worksOffline(server, server.url);
    const outside = server.hits.filter((path) => !path.startsWith('/scopecraft/'));
    assert.deepEqual(outside, [], 'no request outside /scopecraft/');
  } finally {
    await server.close();
  }
});

test('the page links a web app manifest that makes it installable', async () => {
  const server = await serveDist(distDir, { base: '/scopecraft/' });
  const { context, page, errors, consoleErrors } = await openApp(browser, server.url, DESKTOP);
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  assert.equal(href, `${server.url}manifest.webmanifest`);
  const manifest = await page.evaluate((url) => fetch(url).then((r) => r.json()), href);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.ok(manifest.name && manifest.short_name);
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'), sizes.join(' '));
  for (const icon of manifest.icons) {
    const response = await page.evaluate((url) => fetch(url).then((r) => [r.status, r.headers.get('content-type')]), new URL(icon.src, href).href);
    assert.deepEqual(response, [200, icon.type], icon.src);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors.filter((m) => /manifest|Content.Security.Policy/i.test(m)), []);
  await context.close();
  await server.close();
});

test('a new build is taken on the next visit, which says so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'scopecraft-dist-'));
  await cp(distDir, dir, { recursive: true });
  const server = await serveDist(dir);
  try {
    const { context, page, errors } = await openApp(browser, server.url, DESKTOP);
    await offlineReady(page);
    assert.equal(await page.locator('#notice-updated').count(), 0, 'a first visit is no update');

    // A new build: another id in the page and in the worker (what the post-build hook writes).
    const old = (await readFile(join(dir, 'index.html'), 'utf8')).match(/name="scopecraft-build" content="([^"]+)"/)[1];
    for (const file of ['index.html', 'sw.js']) {
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, file), text.replaceAll(old, 'next-build'));
    }
    await page.reload();
    await page.waitForSelector('#app main');
    // The worker that kept the old build installs the new one in the background…
    const cached = () => page.evaluate(() => caches.keys());
    for (let tries = 0; (await cached()).join() !== `scopecraft ${server.url} next-build`; tries += 1) {
      assert.ok(tries < 100, `the new build is cached: ${await cached()}`);
      await page.waitForTimeout(100);
    }
    assert.equal(await page.locator('#notice-updated').count(), 0, 'this visit still runs the old build');
    // …and the next visit runs it.
    await page.reload();
    const notice = page.locator('#notice-updated[role="status"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Updated to the latest version/);
    assert.equal(await page.getAttribute('meta[name="scopecraft-build"]', 'content'), 'next-build');
    await page.reload();
    await page.waitForSelector('#app main');
    assert.equal(await page.locator('#notice-updated').count(), 0, 'said once');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
