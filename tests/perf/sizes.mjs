// Shipped bytes: every file of a built site, raw, gzip -9 and brotli (quality 11), with the
// total, and the first load: index.html and the files it names itself (stylesheet, the
// first-load module and its loader, manifest, icon), which is everything the browser fetches
// before the catalog can be used; the full app is named only by boot.js and fetched after
// (tests/perf/bench.mjs checks that in the browser). `node tests/perf/sizes.mjs [DIR]
// [--check]` prints the table; with --check it also compares the first load and the whole
// site (gzip) against tests/perf/size-budget.json and exits 1 when either is over.
// Sizes are deterministic for a given build, so these are the performance figures the test
// command enforces.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const budgetFile = join(repoRoot, 'tests', 'perf', 'size-budget.json');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out.sort();
}

/** [{ file, raw, gzip, brotli }] for every file under `dir`, plus the totals. */
export async function measure(dir) {
  const rows = [];
  for (const path of await files(dir)) {
    const body = await readFile(path);
    rows.push({
      file: relative(dir, path),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    });
  }
  const total = { file: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) {
    total.raw += row.raw;
    total.gzip += row.gzip;
    total.brotli += row.brotli;
  }
  return { rows, total };
}

/**
 * The files of `sizes` that `dir`/index.html names (`href`, `src`, imports and the module
 * path in trunk's loader), with index.html itself, and their total.
 */
export async function firstLoad(dir, sizes) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const named = new Set(['index.html']);
  for (const [, path] of html.matchAll(/["'](?:\.\/)?([\w./-]+\.[a-z]+)["']/g)) named.add(path);
  const rows = sizes.rows.filter((row) => named.has(row.file));
  const total = { file: 'first load', raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) {
    total.raw += row.raw;
    total.gzip += row.gzip;
    total.brotli += row.brotli;
  }
  return { rows, total };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function table({ rows, total }) {
  const lines = [];
  const width = Math.max(10, ...rows.map((r) => r.file.length));
  const cell = (r) =>
    `${r.file.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
  lines.push(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip -9'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const row of rows) lines.push(cell(row));
  lines.push(cell(total));
  lines.push(`(${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli)`);
  return lines.join('\n');
}

export async function budget() {
  return JSON.parse(await readFile(budgetFile, 'utf8'));
}

async function main() {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(repoRoot, 'dist'));
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`error: ${dir} does not exist; build the app first (trunk build --release)`);
    process.exit(1);
  }
  const sizes = await measure(dir);
  console.log(`Shipped bytes in ${relative(repoRoot, dir) || dir}:\n${table(sizes)}`);
  const first = await firstLoad(dir, sizes);
  console.log(`\nFirst load (index.html and what it names):\n${table(first)}`);
  if (args.includes('--check')) {
    const limits = await budget();
    const checks = [
      ['first_load_gzip_bytes', 'the first load', first.total.gzip],
      ['dist_gzip_total_bytes', 'dist/', sizes.total.gzip],
    ];
    let over = false;
    for (const [key, what, measured] of checks) {
      const limit = limits[key];
      if (!Number.isInteger(limit)) {
        console.error(`error: ${budgetFile} has no whole-number ${key}`);
        process.exit(1);
      }
      if (measured > limit) {
        over = true;
        console.error(
          `error: ${what} is ${measured} bytes gzip, over the budget of ${limit} bytes (${key} in ` +
            `tests/perf/size-budget.json, by ${measured - limit} bytes). Shrink the build, or ` +
            `raise the budget in the same commit and say why.`,
        );
      } else {
        console.log(`size budget: ${what} ${measured} of ${limit} bytes gzip (ok)`);
      }
    }
    if (over) process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
