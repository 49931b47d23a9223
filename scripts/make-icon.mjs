// Draws resources/icon.png (512×512): a red "on air" lamp with a white ring. Run once; the PNG is committed.
// A tiny PNG encoder keeps this free of image libraries.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const pixels = Buffer.alloc(size * size * 4);
const c = size / 2;
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
    const i = (y * size + x) * 4;
    const edge = (r) => Math.max(0, Math.min(1, r - d + 0.5)); // 1 inside radius r, anti-aliased edge
    const outer = edge(240),
      ring = edge(214),
      lamp = edge(150);
    let [r, g, b] = [24, 26, 32]; // dark rim
    if (ring > 0) [r, g, b] = mix([r, g, b], [245, 245, 245], ring);
    if (edge(196) > 0) [r, g, b] = mix([r, g, b], [24, 26, 32], edge(196));
    if (lamp > 0) [r, g, b] = mix([r, g, b], [230, 40, 55], lamp);
    pixels.set([r, g, b, Math.round(255 * outer)], i);
  }
}
function mix(a, b, t) {
  return a.map((v, k) => Math.round(v + (b[k] - v) * t));
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let k = n;
  for (let j = 0; j < 8; j++) k = k & 1 ? 0xedb88320 ^ (k >>> 1) : k >>> 1;
  return k >>> 0;
});
const crc = (buf) => {
  let v = 0xffffffff;
  for (const byte of buf) v = crcTable[(v ^ byte) & 0xff] ^ (v >>> 8);
  return (v ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`wrote resources/icon.png (${png.length} bytes)`);
