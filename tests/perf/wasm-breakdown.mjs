// Where a WebAssembly module's bytes go: the size of every function body (code section),
// summed by crate or by crate and module, from the module's name section, plus the data
// section. For the cargo output before wasm-bindgen and wasm-opt (which keeps the names):
//
//   cargo build --profile wasm-release --target wasm32-unknown-unknown -p scopecraft-web
//   node tests/perf/wasm-breakdown.mjs target/wasm32-unknown-unknown/wasm-release/scopecraft-web.wasm [DEPTH] [ROWS]
//
// DEPTH 1 (the default) groups by crate, 2 by crate and module, and so on. Symbols of trait
// impls (`<toml::de::ValueDeserializer as serde::Deserializer>::…`) count for the type's
// crate. Raw bytes before optimisation: shares, not shipped sizes (see BENCHMARKS.md).
import { readFileSync } from 'node:fs';

function functions(buf) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  let imported = 0;
  const sizes = [];
  const names = new Map();
  let data = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const end = leb() + p;
    if (id === 2) {
      for (let n = leb(); n > 0; n -= 1) {
        // Module and field names: `p += leb()` would add to p as it was before reading.
        const module = leb();
        p += module;
        const field = leb();
        p += field;
        const kind = buf[p++];
        if (kind === 0) {
          leb();
          imported += 1;
        } else if (kind === 1) {
          p += 1;
          if (buf[p++] & 1) leb();
          leb();
        } else if (kind === 2) {
          if (buf[p++] & 1) leb();
          leb();
        } else {
          p += 2;
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n -= 1) {
        const size = leb();
        sizes.push(size);
        p += size;
      }
    } else if (id === 11) {
      data = end - p;
    } else if (id === 0) {
      const length = leb();
      const name = buf.subarray(p, p + length).toString();
      p += length;
      while (name === 'name' && p < end) {
        const sub = buf[p++];
        const subEnd = leb() + p;
        if (sub === 1) {
          for (let n = leb(); n > 0; n -= 1) {
            const index = leb();
            const l = leb();
            names.set(index, buf.subarray(p, p + l).toString());
            p += l;
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return { data, functions: sizes.map((size, i) => [names.get(i + imported) ?? '', size]) };
}

/** `a::b::c` of a legacy-mangled Rust symbol (`_ZN1a1b1c17h…E`), `depth` segments deep. */
function owner(symbol, depth) {
  if (!symbol.startsWith('_ZN')) return symbol.startsWith('_R') ? '(v0-mangled: core, alloc, std)' : `(${symbol || 'unnamed'})`;
  const segments = [];
  let p = 3;
  while (p < symbol.length && /[0-9]/.test(symbol[p])) {
    let n = 0;
    while (/[0-9]/.test(symbol[p])) n = n * 10 + Number(symbol[p++]);
    segments.push(symbol.slice(p, p + n));
    p += n;
  }
  const first = segments[0] ?? '';
  if (first.startsWith('_$LT$')) {
    const path = first.slice(5).replace(/^(\$RF\$|\$u5b\$|mut\$u20\$|\$BP\$)+/, '').split('..');
    return path.slice(0, depth).join('::').replace(/\$.*$/, '');
  }
  return segments.slice(0, depth).join('::');
}

const [file, depthArg, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/perf/wasm-breakdown.mjs MODULE.wasm [DEPTH] [ROWS]');
  process.exit(1);
}
const { data, functions: all } = functions(readFileSync(file));
const depth = Number(depthArg ?? 1);
const groups = new Map();
let total = 0;
for (const [symbol, size] of all) {
  const key = owner(symbol, depth);
  groups.set(key, (groups.get(key) ?? 0) + size);
  total += size;
}
console.log(`${file}: ${total} bytes of code in ${all.length} functions, ${data} bytes of data`);
for (const [key, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg ?? 30))) {
  console.log(`${String(size).padStart(9)}  ${((100 * size) / total).toFixed(1).padStart(5)} %  ${key}`);
}
