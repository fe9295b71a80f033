// Draws the app's PNG icons (web/icons/icon-192.png, icon-512.png) from the same shapes as
// web/icons/icon.svg: a dark rounded square holding a light diamond. Plain Node, no image
// library: each pixel's coverage is sampled 4×4, and the PNG is an indexed image (a 33-colour
// palette with transparency), which keeps the files small. Run `node web/draw-icons.mjs` after
// changing the shapes, and commit the PNGs.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const DARK = [0x1f, 0x16, 0x46];
const LIGHT = [0xa9, 0x95, 0xff];
const LEVELS = 16;

/** Inside the 32×32 rounded square (corner radius 7)? */
function inSquare(x, y) {
  const r = 7;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && y >= 0 && x <= 32 && y <= 32;
}

/** Inside the 12×12 square (corner radius 2) turned 45° about the centre? */
function inDiamond(x, y) {
  const c = Math.SQRT1_2;
  const u = (x - 16) * c + (y - 16) * c;
  const v = -(x - 16) * c + (y - 16) * c;
  const h = 6;
  const r = 2;
  const cu = Math.min(Math.max(u, -h + r), h - r);
  const cv = Math.min(Math.max(v, -h + r), h - r);
  return (u - cu) ** 2 + (v - cv) ** 2 <= r * r && Math.abs(u) <= h && Math.abs(v) <= h;
}

// Palette: 0 transparent, 1–16 dark at rising opacity, 17–32 dark blending into light.
const palette = [[0, 0, 0]];
const alpha = [0];
for (let i = 1; i <= LEVELS; i += 1) {
  palette.push(DARK);
  alpha.push(Math.round((255 * i) / LEVELS));
}
for (let i = 1; i <= LEVELS; i += 1) {
  palette.push(DARK.map((d, k) => Math.round(d + ((LIGHT[k] - d) * i) / LEVELS)));
  alpha.push(255);
}

function pixels(size) {
  const rows = [];
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    const row = [0]; // filter type: none
    for (let px = 0; px < size; px += 1) {
      let square = 0;
      let diamond = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = ((px + (sx + 0.5) / n) * 32) / size;
          const y = ((py + (sy + 0.5) / n) * 32) / size;
          if (inSquare(x, y)) square += 1;
          if (inDiamond(x, y)) diamond += 1;
        }
      }
      const samples = n * n;
      if (diamond > 0) row.push(LEVELS + Math.max(1, Math.round((diamond / samples) * LEVELS)));
      else row.push(Math.round((square / samples) * LEVELS));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // indexed colour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('tRNS', Buffer.from(alpha)),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  const file = new URL(`icons/icon-${size}.png`, import.meta.url);
  writeFileSync(file, png(size));
  console.log(`${file.pathname}: ${size}×${size}`);
}
