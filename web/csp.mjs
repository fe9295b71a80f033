// Trunk post-build hook: gives the page a Content-Security-Policy.
//
// Trunk starts the app with one inline <script type="module"> (its loader, which imports the
// generated JS and boot.js). Rather than allowing inline scripts in general, this hook hashes
// each inline script trunk wrote and allows exactly those hashes. Everything else is denied
// except what the app needs: its own files ('self'), compiling its WebAssembly
// ('wasm-unsafe-eval'), data: images (the inline favicon), its own service worker and web app
// manifest ('self'). No remote origin is allowed for
// scripts, styles, images or connections; see docs/security.md.
//
// Pages without the <!-- content-security-policy --> marker are left alone. Once the policy is
// written, web/offline.mjs lists the build's files for the service worker (one hook, so the
// two never write index.html at the same time: trunk runs a stage's hooks concurrently).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOfflineFiles } from './offline.mjs';

const MARKER = '<!-- content-security-policy -->';
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('web/csp.mjs runs as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const file = join(staging, 'index.html');
const html = await readFile(file, 'utf8');
if (!html.includes(MARKER)) process.exit(0);

const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes))
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

// The SOW draft opens in a new tab from a blob: URL, and such documents inherit this page's
// policy. Its one inline stylesheet (the core's PRINT_CSS, written as `<style>\n{PRINT_CSS}`)
// is allowed by the hash of its exact text, read from the core's source; no other inline
// style is. The end-to-end tests check that the opened draft is styled without a violation.
async function sowDraftStyleHash() {
  const source = await readFile(new URL('../crates/core/src/sow/draft.rs', import.meta.url), 'utf8');
  const match = source.match(/^const PRINT_CSS: &str = "([^"\\]*)";$/m);
  if (!match) {
    console.warn('content-security-policy: PRINT_CSS not found in sow/draft.rs; the SOW draft tab will be unstyled');
    return '';
  }
  return `'sha256-${createHash('sha256').update(`\n${match[1]}`, 'utf8').digest('base64')}'`;
}

const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`.replace(/\s+/g, ' '),
  `style-src 'self' ${await sowDraftStyleHash()}`.trim(),
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

await writeFile(
  file,
  html.replace(MARKER, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`),
);
console.log(`content-security-policy: ${hashes.length} inline script(s) allowed by hash`);
await writeOfflineFiles(staging);
