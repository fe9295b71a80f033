// Part of the trunk post-build hook (run by web/csp.mjs once the policy is written): makes the
// build work offline. It lists every file of the build, gives the build an id (a hash of all
// their bytes), writes the id into the page (`<meta name="scopecraft-build">`, which the app
// compares with the last visit's to say "Updated to the latest version") and writes the list
// and the id into sw.js, the service worker that caches them. A build without sw.js (the
// benchmark pages) is left alone.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const BUILD_MARKER = '<!-- build-id -->';
const WORKER = 'sw.js';

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** Writes the build id into `staging`'s index.html and the file list into its sw.js. */
export async function writeOfflineFiles(staging) {
  const all = (await filesUnder(staging)).map((path) => relative(staging, path).split(sep).join('/')).sort();
  if (!all.includes(WORKER) || !all.includes('index.html')) return;
  const files = all.filter((file) => file !== WORKER);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(staging, file)));
  }
  const build = hash.digest('hex').slice(0, 16);

  const page = join(staging, 'index.html');
  const html = await readFile(page, 'utf8');
  await writeFile(page, html.replace(BUILD_MARKER, `<meta name="scopecraft-build" content="${build}" />`));

  const worker = join(staging, WORKER);
  const source = await readFile(worker, 'utf8');
  const written = source
    .replace(/^const BUILD = .*;$/m, `const BUILD = ${JSON.stringify(build)};`)
    .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`);
  if (written === source) throw new Error('sw.js: BUILD and FILES not found');
  await writeFile(worker, written);
  console.log(`offline: build ${build}, ${files.length} files cached by ${WORKER}`);
}
