// Browser security: the Content-Security-Policy trunk's post-build hook writes, injected
// markup that cannot run, and a page that makes no network request on its own (its service
// worker fetches only the build's own files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openApp, distDir } from './harness.mjs';

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

function policyOf(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(match, 'dist/index.html carries a Content-Security-Policy meta tag');
  return Object.fromEntries(
    match[1].split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

test('the page forbids inline and remote scripts except trunk loader by hash', async () => {
  const policy = policyOf(await readFile(join(distDir, 'index.html'), 'utf8'));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  const scripts = policy['script-src'];
  assert.ok(scripts.includes("'self'"));
  assert.ok(!scripts.includes("'unsafe-inline'"), 'no unsafe-inline');
  assert.ok(!scripts.includes("'unsafe-eval'"), 'no unsafe-eval (only wasm-unsafe-eval)');
  assert.ok(scripts.every((s) => !/^https?:|^\*$/.test(s)), `no remote origins: ${scripts}`);
  assert.ok(scripts.some((s) => s.startsWith("'sha256-")), 'the loader is allowed by its hash');
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  // The service worker and the web app manifest: the app's own files only.
  assert.deepEqual(policy['worker-src'], ["'self'"]);
  assert.deepEqual(policy['manifest-src'], ["'self'"]);
  const directives = Object.keys(policy).sort();
  assert.deepEqual(
    directives,
    ['base-uri', 'connect-src', 'default-src', 'form-action', 'img-src', 'manifest-src', 'object-src', 'script-src', 'style-src', 'worker-src'],
    'nothing else is allowed',
  );
});

test('the service worker is registered from the page\'s folder under its policy', async () => {
  const { context, page, consoleErrors } = await openApp(browser, server.url);
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, server.url);
  assert.deepEqual(consoleErrors.filter((m) => /Content.Security.Policy|service ?worker/i.test(m)), []);
  await context.close();
});

test('the app runs under its policy without a single violation', async () => {
  const { context, page, errors, consoleErrors } = await openApp(browser, server.url);
  await page.fill('input[type="search"]', 'migration');
  await page.click('.card .card-link');
  await page.waitForSelector('h1');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    consoleErrors.filter((m) => /Content.Security.Policy/i.test(m)),
    [],
    'no CSP violation while loading and browsing',
  );
  await context.close();
});

test('markup that reaches the DOM cannot run scripts', async () => {
  const { context, page } = await openApp(browser, server.url);
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  // Simulate a rendering bug that let markup through: the policy must still stop it.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.innerHTML =
      '<img src="x" onerror="window.__pwned = \'onerror\'; alert(1)">' +
      '<a id="js-link" href="javascript:window.__pwned=\'href\'">x</a>' +
      '<svg onload="window.__pwned = \'svg\'"></svg>';
    document.body.append(host);
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'script'";
    document.body.append(script);
    const remote = document.createElement('script');
    remote.src = 'https://example.com/evil.js';
    document.body.append(remote);
  });
  await page.click('#js-link');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs, 0);
  await context.close();
});

test('the app makes no network request on its own after loading', async () => {
  const { context, page, requests } = await openApp(browser, server.url);
  await page.waitForLoadState('networkidle');
  const loaded = [...requests];
  for (const url of loaded) {
    assert.ok(url.startsWith(server.url) || url.startsWith('data:'), `only its own files: ${url}`);
  }
  // Browse: search, filter, open an offering, come back, add it to the scope.
  await page.fill('input[type="search"]', 'ci/cd');
  await page.fill('input[type="search"]', '');
  await page.click('.card .card-link');
  await page.waitForSelector('h1');
  await page.goBack();
  await page.waitForSelector('.card .card-link');
  await page.waitForTimeout(500);
  const after = requests.slice(loaded.length).filter((url) => !url.startsWith('data:'));
  assert.deepEqual(after, [], 'no request after loading');
  await context.close();
});
