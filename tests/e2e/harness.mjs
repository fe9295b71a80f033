// Shared harness for the end-to-end tests: serves the release `dist/` from an in-process
// static server and drives Debian's Chromium through playwright-core. Both are started and
// stopped by the tests themselves; nothing is left running.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = join(repoRoot, 'dist');
export const artifactsDir = join(repoRoot, 'tests', 'e2e', 'artifacts');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on a free loopback port, under `base` (`/` unless told, e.g. `/scopecraft/` as
 * GitLab Pages serves a project; anything outside it is a 404). Resolves to
 * { url, hits, close }: `url` is the site's address (ending in `base`), `hits` the path of
 * every request that reached the server.
 */
export async function serveDist(dir = distDir, { base = '/' } = {}) {
  const root = resolve(dir);
  const hits = [];
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      hits.push(full);
      if (!full.startsWith(base)) {
        res.writeHead(404).end('not found');
        return;
      }
      const path = `/${full.slice(base.length)}`;
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    hits,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

/** Launches headless Chromium with the flags this machine needs (root, no display, no network). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.SCOPECRAFT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the app in a fresh context and waits until the full app has replaced the loader (or
 * the first screen that the first-load module shows on the catalog page).
 * Resolves to { context, page, errors, consoleErrors, requests }: uncaught page errors,
 * console messages of type error, and the URL of every request the page made.
 */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const { page, errors, consoleErrors, requests } = await openPage(context, url);
  return { context, page, errors, consoleErrors, requests };
}

/** Like `openApp`, in a new page (tab) of an existing `context`. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  // The full app's page, not the first screen written at build time (see web/src/first_screen.rs).
  await page.waitForSelector('#app main:not([data-first-screen])', { timeout: 30_000 });
  return { page, errors, consoleErrors, requests };
}

/** Adds `sku` from its offering page (the first "Add" button). */
export async function addFromOffering(page, base, sku) {
  await page.goto(`${base}#/offering/${encodeURIComponent(sku)}`);
  await page.waitForSelector('.offering h1');
  await page.locator('.delivery-option button').first().click();
}

/** Resolves once a service worker controls `page` (it then serves the app's files). */
export async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * The number of pages of a PDF (as `page.pdf()` returns it): its `/Type /Page` objects,
 * not counting the `/Type /Pages` tree nodes. Chromium writes page objects uncompressed.
 */
export function pdfPageCount(pdf) {
  return [...Buffer.from(pdf).toString('latin1').matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}
