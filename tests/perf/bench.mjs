// The browser half of `cargo xtask bench`: shipped bytes, load time against the Yew counter
// baseline, reprice latency inside wasm, and keystroke-to-paint in the app; then the
// five-figure summary (the native engine figures come from target/perf/native.json, written
// by `cargo run --release -p scopecraft-core --example throughput`).
//
// Expects the release builds that `cargo xtask bench` makes: dist/ (the app),
// target/perf/baseline/ (tests/perf/baseline) and target/perf/reprice/ (tests/perf/reprice);
// P4's no-work reference page is served as it is from tests/perf/keystroke-floor/.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, serveDist } from '../e2e/harness.mjs';
import { budget, firstLoad, measure, repoRoot, table } from './sizes.mjs';

const LOAD_RUNS = 15;
const perfDir = join(repoRoot, 'target', 'perf');
const floorDir = join(repoRoot, 'tests', 'perf', 'keystroke-floor');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Milliseconds from navigation start until `selector` is in the DOM and visible, and the
 * addresses of the files the page had requested by then (itself included).
 */
async function loadOnce(browser, url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    window.__interactiveAt = null;
    const seen = () => {
      const element = document.querySelector(sel);
      if (element && window.__interactiveAt === null) {
        window.__interactiveAt = performance.now();
        window.__fetchedBefore = [location.href, ...performance.getEntriesByType('resource').map((r) => r.name)];
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => {
      if (seen()) observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__interactiveAt !== null, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__interactiveAt);
  const fetched = await page.evaluate(() => window.__fetchedBefore);
  // Interactive, not just painted: the element takes a click.
  await page.click(selector, { trial: true, timeout: 5_000 });
  await context.close();
  return { ms, fetched };
}

/**
 * P1 as the browser sees it: the gzip bytes of every file of `sizes` requested before the
 * first card could be clicked (the page's own address is index.html).
 */
function fetchedBytes(fetched, siteUrl, sizes) {
  const files = new Set(
    fetched.map((address) => {
      const path = decodeURIComponent(new URL(address).pathname).slice(new URL(siteUrl).pathname.length);
      return path === '' ? 'index.html' : path;
    }),
  );
  const rows = sizes.rows.filter((row) => files.has(row.file));
  return { files: rows.map((r) => r.file), gzip: rows.reduce((n, r) => n + r.gzip, 0) };
}

async function loadTimes(browser, app, baseline) {
  const appRuns = [];
  const baselineRuns = [];
  // Alternate so both see the same machine load.
  let fetched = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    baselineRuns.push((await loadOnce(browser, baseline.url, 'button.counter')).ms);
    const run = await loadOnce(browser, app.url, '.card .card-link');
    appRuns.push(run.ms);
    fetched = run.fetched;
  }
  return { app: median(appRuns), baseline: median(baselineRuns), appRuns, baselineRuns, fetched };
}

async function reprice(browser, site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => document.querySelector('#result')?.textContent.startsWith('{'), null, {
    timeout: 300_000,
  });
  const result = JSON.parse(await page.textContent('#result'));
  await context.close();
  if (result.error) throw new Error(`reprice benchmark failed: ${result.error}`);
  return result;
}

/**
 * Keystroke to paint with a `count`-line quote on screen: loads the app with that scope,
 * types a new quantity into the first line and measures from the input event until the frame
 * showing the new total has been painted (the task after the next requestAnimationFrame).
 */
async function keystroke(browser, app, count, { breakdown = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const lines = [];
  for (let i = 0; i < count; i += 1) lines.push({ sku: 'GL-JIRA', quantity: 1 + (i % 3) });
  const scope = { customer: { name: 'Benchmark' }, items: lines };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      sessionStorage.setItem('bench-seeded', '1');
      localStorage.setItem('scopecraft.scope', text);
    }
  }, JSON.stringify(scope));
  await page.goto(`${app.url}#/scope`);
  try {
    return await keystrokes(browser, page, `the ${count}-line quote`, { breakdown });
  } finally {
    await context.close();
  }
}

/**
 * P4's floor: the same measurement on `tests/perf/keystroke-floor`, a page whose keystroke
 * writes the new total at once. What it measures is the wait for the next display frame,
 * which no amount of work saved in the app takes away.
 */
async function keystrokeFloor(browser, site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  try {
    return await keystrokes(browser, page, 'the no-work page');
  } finally {
    await context.close();
  }
}

/** Median ms from a keystroke in `#line-0-quantity` to the frame that shows the new `#quote-total`. */
async function keystrokes(browser, page, what, { breakdown = false } = {}) {
  const input = page.locator('#line-0-quantity');
  const total = page.locator('#quote-total');
  try {
    await input.waitFor({ timeout: 60_000 });
  } catch {
    throw new Error(`keystroke benchmark: ${what} did not show #line-0-quantity`);
  }
  const samples = [];
  const sample = async () => {
    await input.focus();
    await input.press('End');
    const before = await total.textContent();
    return page.evaluate(
      ({ before }) =>
        new Promise((done) => {
          const target = document.querySelector('#quote-total');
          const started = performance.now();
          performance.mark('keystroke-start');
          const observer = new MutationObserver(() => {
            if (target.textContent !== before) {
              observer.disconnect();
              // rAF runs just before the frame is painted; the task after it runs once it is.
              requestAnimationFrame(() =>
                setTimeout(() => {
                  performance.mark('keystroke-painted');
                  done(performance.now() - started);
                }, 0),
              );
            }
          });
          observer.observe(target, { subtree: true, childList: true, characterData: true });
          const field = document.querySelector('#line-0-quantity');
          const next = field.value === '9' ? '8' : '9';
          field.value = next;
          field.dispatchEvent(new InputEvent('input', { bubbles: true, data: next }));
        }),
      { before },
    );
  };
  // The first keystrokes also pay for warming the JIT and the page's caches; the rest vary by
  // where in the frame they land (up to a frame of waiting), so many are taken and the median kept.
  for (let i = 0; i < KEYSTROKE_WARMUP; i += 1) await sample();
  for (let i = 0; i < KEYSTROKE_SAMPLES; i += 1) samples.push(await sample());
  let parts = null;
  if (breakdown) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let i = 0; i < BREAKDOWN_RUNS; i += 1) await sample();
    parts = timeline(JSON.parse((await browser.stopTracing()).toString('utf8')));
  }
  return breakdown ? { ms: median(samples), samples, parts } : median(samples);
}

const KEYSTROKE_WARMUP = 3;
const KEYSTROKE_SAMPLES = 41;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-v8.gc'];
const BREAKDOWN_RUNS = 5;

/** What the renderer's main thread did between each `keystroke-start` and `keystroke-painted` mark, in ms per keystroke (exclusive time of nested trace events, grouped). */
function timeline(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  const marks = (name) => onMain.filter((e) => e.name === name && e.cat.includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
  const starts = marks('keystroke-start');
  const ends = marks('keystroke-painted');
  const windows = starts.map((start) => [start, ends.find((end) => end > start)]).filter(([, end]) => end !== undefined);
  const group = (name) => {
    if (/GC|Scavenge|MarkCompact/i.test(name)) return 'gc';
    if (/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout)$/.test(name)) return 'style';
    if (/^Layout$|^UpdateLayerTree$/.test(name)) return 'layout';
    if (/Paint|Layerize|Commit|Composite|Raster|Draw|Frame/i.test(name) && !/FireAnimationFrame/.test(name)) return 'paint';
    if (/FunctionCall|EventDispatch|Microtask|TimerFire|FireAnimationFrame|^v8|^V8|Compile|EvaluateScript|ParseHTML|HitTest/.test(name)) return 'script';
    return 'other';
  };
  const complete = onMain.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  let wall = 0;
  for (const [start, end] of windows) {
    wall += end - start;
    const inside = complete.filter((e) => e.ts >= start && e.ts + e.dur <= end);
    const stack = [];
    const exclusive = new Map();
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) exclusive.set(parent, (exclusive.get(parent) ?? parent.dur) - e.dur);
      exclusive.set(e, e.dur);
      stack.push(e);
    }
    for (const [e, us] of exclusive) totals[group(e.name)] = (totals[group(e.name)] ?? 0) + Math.max(us, 0);
  }
  const n = windows.length || 1;
  const perKey = Object.fromEntries(Object.entries(totals).map(([k, us]) => [k, us / n / 1000]));
  const busy = Object.values(perKey).reduce((a, b) => a + b, 0);
  return { keystrokes: windows.length, wall_ms: wall / n / 1000, busy_ms: busy, ...perKey, idle: wall / n / 1000 - busy };
}

/** `node tests/perf/bench.mjs --keystroke [DIST]`: P4 alone on an already built app, with where the main thread's time goes. */
async function keystrokeOnly(dist) {
  const browser = await launchBrowser();
  const app = await serveDist(dist);
  const floorSite = await serveDist(floorDir);
  try {
    console.log(`no-work page (the frame wait alone): median ${fmt(await keystrokeFloor(browser, floorSite))}`);
    for (const count of [200, 1000]) {
      const { ms, samples, parts } = await keystroke(browser, app, count, { breakdown: true });
      const shown = Object.entries(parts).map(([k, v]) => `${k} ${typeof v === 'number' && k !== 'keystrokes' ? v.toFixed(2) : v}`).join(', ');
      console.log(`${count} lines: median ${fmt(ms)} (samples ${samples.map((x) => x.toFixed(1)).join(' ')})\n   traced: ${shown}`);
    }
  } finally {
    await browser.close();
    await Promise.all([app.close(), floorSite.close()]);
  }
}

/** `node tests/perf/bench.mjs --reprice [SITE]`: P3 alone on an already built reprice page (default target/perf/reprice). */
async function repriceOnly(dir) {
  const browser = await launchBrowser();
  const site = await serveDist(dir);
  try {
    const result = await reprice(browser, site);
    console.log(`catalog load ${fmt(result.catalog_load_ms)}`);
    for (const r of result.reprice) console.log(`${String(r.lines).padStart(6)} lines: ${fmt(r.median_ms)} (best ${fmt(r.best_ms)}, batch ${r.batch})`);
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * The figures issue 16 started from (idle machine, 2026-12-01), printed beside today's so
 * every run shows what changed.
 */
const BASELINE = {
  sizes: '676.8 KiB',
  load: '2.81× (192.5 vs 68.4 ms)',
  reprice: '1.62 / 24.6 ms',
  keystroke: '16.6 ms (200)',
  native: '0.98 M / 0.42 M',
  instructions: '14,194 / 14,909',
};

/** Instructions per priced line counted by callgrind (`cargo xtask bench` step 5b), if run. */
async function readCallgrind() {
  try {
    return JSON.parse(await readFile(join(perfDir, 'callgrind.json'), 'utf8'));
  } catch {
    return null;
  }
}

const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

async function main() {
  const native = JSON.parse(await readFile(join(perfDir, 'native.json'), 'utf8'));
  const callgrind = await readCallgrind();
  const sizes = await measure(join(repoRoot, 'dist'));
  const baselineSizes = await measure(join(perfDir, 'baseline'));
  const first = await firstLoad(join(repoRoot, 'dist'), sizes);
  const { dist_gzip_total_bytes: limit, first_load_gzip_bytes: firstLimit } = await budget();
  console.log(`\n1. Shipped bytes (dist/):\n${table(sizes)}`);
  console.log(`\n   First load (index.html and what it names):\n${table(first)}`);
  console.log(
    `   baseline Yew counter: ${baselineSizes.total.gzip} bytes gzip; budgets: first load ` +
      `${firstLimit}, dist/ ${limit} bytes gzip`,
  );

  const browser = await launchBrowser();
  const app = await serveDist(join(repoRoot, 'dist'));
  const baseline = await serveDist(join(perfDir, 'baseline'));
  const repriceSite = await serveDist(join(perfDir, 'reprice'));
  const floorSite = await serveDist(floorDir);
  let load;
  let repriced;
  let inWasmLoad;
  let keyMs;
  let keyMs1k;
  let keyFloor;
  let keyBusy = [];
  try {
    load = await loadTimes(browser, app, baseline);
    load.fetchedBeforeInteractive = fetchedBytes(load.fetched, app.url, sizes);
    delete load.fetched;
    const fetchedFiles = load.fetchedBeforeInteractive.files;
    const unlisted = fetchedFiles.filter((file) => !first.rows.some((row) => row.file === file));
    console.log(
      `\n1. Fetched before the first card could be clicked: ${load.fetchedBeforeInteractive.gzip} bytes gzip ` +
        `(${fetchedFiles.join(', ')})` +
        (unlisted.length ? `; NOT in the checked first load: ${unlisted.join(', ')}` : ''),
    );
    console.log(
      `\n2. Load to interactive catalog, median of ${LOAD_RUNS}: app ${fmt(load.app)}, ` +
        `baseline counter ${fmt(load.baseline)} (${(load.app / load.baseline).toFixed(2)}x)`,
    );
    const inWasm = await reprice(browser, repriceSite);
    repriced = inWasm.reprice;
    inWasmLoad = inWasm.catalog_load_ms;
    console.log(`\n   (inside that: loading the embedded catalog in wasm takes ${fmt(inWasm.catalog_load_ms)}, median of 5)`);
    console.log('\n3. Reprice inside wasm (Chromium, performance.now, median of 15 batches):');
    for (const r of repriced) console.log(`   ${String(r.lines).padStart(6)} lines: ${fmt(r.median_ms)} (best ${fmt(r.best_ms)}, batch ${r.batch})`);
    keyFloor = await keystrokeFloor(browser, floorSite);
    const key200 = await keystroke(browser, app, 200, { breakdown: true });
    const key1k = await keystroke(browser, app, 1000, { breakdown: true });
    keyMs = key200.ms;
    keyMs1k = key1k.ms;
    keyBusy = [key200.parts.busy_ms, key1k.parts.busy_ms];
    console.log(
      `\n4. Keystroke to paint, median of ${KEYSTROKE_SAMPLES} after ${KEYSTROKE_WARMUP} warm-up keystrokes: ` +
        `200-line quote ${fmt(keyMs)}, 1,000-line quote ${fmt(keyMs1k)}; ` +
        `a page that does no work, measured the same way: ${fmt(keyFloor)} (the wait for the display frame)`,
    );
    console.log(
      `   main thread busy per keystroke (traced, ${BREAKDOWN_RUNS} more): ` +
        `200 lines ${fmt(keyBusy[0])}, 1,000 lines ${fmt(keyBusy[1])}`,
    );
  } finally {
    await browser.close();
    await Promise.all([app.close(), baseline.close(), repriceSite.close(), floorSite.close()]);
  }

  const byLines = Object.fromEntries(native.lines.map((r) => [r.lines, r]));
  const r1k = repriced.find((r) => r.lines === 1000);
  const r10k = repriced.find((r) => r.lines === 10000);
  const perLine = (n) => callgrind?.lines.find((r) => r.lines === n)?.instructions_per_line;
  const count = (n) => (perLine(n) === undefined ? 'n/a' : perLine(n).toLocaleString('en'));
  const millions = (n) => `${(byLines[n].lines_per_second / 1e6).toFixed(2)} M`;
  const rows = [
    ['1. first load, gzip', `${(load.fetchedBeforeInteractive.gzip / 1024).toFixed(1)} KiB`, '≤ 150 KiB', BASELINE.sizes, `counter ${(baselineSizes.total.gzip / 1024).toFixed(1)} KiB`],
    ['   dist/ gzip total', `${(sizes.total.gzip / 1024).toFixed(1)} KiB`, '≤ 400 KiB', BASELINE.sizes, `checked first load ${(first.total.gzip / 1024).toFixed(1)} KiB`],
    ['2. load → interactive', fmt(load.app), '≤ 1.5× baseline', BASELINE.load, `counter ${fmt(load.baseline)} (${(load.app / load.baseline).toFixed(2)}×)`],
    ['3. reprice 1k / 10k lines', `${fmt(r1k?.median_ms)} / ${fmt(r10k?.median_ms)}`, '≤ 1 ms / ≤ 10 ms', BASELINE.reprice, 'wasm, Chromium'],
    ['4. keystroke → paint', `${fmt(keyMs)} / ${fmt(keyMs1k)}`, '≤ 8 / ≤ 16.7 ms', BASELINE.keystroke, `busy ${fmt(keyBusy[0])} / ${fmt(keyBusy[1])}; no work ${fmt(keyFloor)}`],
    ['5. native lines/s 1k / 10k', `${millions(1000)} / ${millions(10000)}`, '≥ 2 M at both', BASELINE.native, `instr/line ${count(1000)} / ${count(10000)} (was ${BASELINE.instructions})`],
  ];
  console.log('\nSummary');
  const w = [28, 22, 18, 26, 30];
  console.log(['figure', 'measured', 'goal', 'baseline (issue 16)', 'beside it'].map((h, i) => h.padEnd(w[i])).join(' '));
  for (const row of rows) console.log(row.map((c, i) => String(c).padEnd(w[i])).join(' '));
  await writeFile(
    join(perfDir, 'bench.json'),
    JSON.stringify({ sizes: sizes.total, firstLoad: first.total, catalogLoadMs: inWasmLoad, baselineSizes: baselineSizes.total, load, repriced, keystroke_ms: keyMs, keystroke_1000_ms: keyMs1k, keystroke_floor_ms: keyFloor, keystroke_busy_ms: keyBusy, native, callgrind, baseline: BASELINE }, null, 2),
  );
  console.log(`\n(figures also in ${join('target', 'perf', 'bench.json')})`);
}

if (process.argv[2] === '--keystroke') await keystrokeOnly(process.argv[3] ?? join(repoRoot, 'dist'));
else if (process.argv[2] === '--reprice') await repriceOnly(process.argv[3] ?? join(repoRoot, 'target', 'perf', 'reprice'));
else await main();
