import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openApp } from './harness.mjs';

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

test('the release build loads and renders the app', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  assert.match(await page.textContent('.brand'), /Scopecraft/);
  assert.match(await page.textContent('h1'), /Services catalog/);
  assert.deepEqual(errors, []);
  await context.close();
});
