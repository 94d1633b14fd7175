// Draws the add-in's icon (a target on a blue tile) at every size the manifest and stores need,
// as plain PNGs, with no image library: node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "assets");

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xc0, 0x39, 0x2b];

// Colour of one point of the unit square: tile with rounded corners, rings, centre dot.
function colourAt(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return null;
  const d = Math.hypot(u - 0.5, v - 0.5);
  if (d < 0.11) return RED;
  if (d > 0.19 && d < 0.27) return WHITE;
  if (d > 0.33 && d < 0.41) return WHITE;
  return BLUE;
}

fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  const S = 4; // 4×4 supersampling for smooth edges
  const buf = png(size, (x, y) => {
    let rr = 0, gg = 0, bb = 0, n = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const c = colourAt((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (c) { rr += c[0]; gg += c[1]; bb += c[2]; n++; }
      }
    return n ? [Math.round(rr / n), Math.round(gg / n), Math.round(bb / n), Math.round((255 * n) / (S * S))] : [0, 0, 0, 0];
  });
  fs.writeFileSync(path.join(out, `icon-${size}.png`), buf);
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
