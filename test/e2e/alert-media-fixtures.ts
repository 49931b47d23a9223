import { crc32, deflateSync } from 'node:zlib';

/** Small real media files for the alert box tests, generated so no binary lives in the repository. */

type Pixel = (x: number, y: number) => [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG drawn by `pixel`. */
export function pngImage(width: number, height: number, pixel: Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x += 1) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A glowing disc (the base cheer image). */
export function discPng(size: number, rgb: [number, number, number]): Buffer {
  const c = size / 2;
  return pngImage(size, size, (x, y) => {
    const d = Math.hypot(x - c, y - c) / c;
    if (d > 1) return [0, 0, 0, 0];
    const light = 1 - d * 0.6;
    return [Math.round(rgb[0] * light), Math.round(rgb[1] * light), Math.round(rgb[2] * light), 255];
  });
}

/** A five-pointed star (the big-cheer variation image). */
export function starPng(size: number, rgb: [number, number, number]): Buffer {
  const c = size / 2;
  return pngImage(size, size, (x, y) => {
    const angle = Math.atan2(y - c, x - c) + Math.PI / 2;
    const sector = ((angle % ((2 * Math.PI) / 5)) + (2 * Math.PI) / 5) % ((2 * Math.PI) / 5);
    const edge = 0.45 + 0.55 * Math.abs(sector / ((2 * Math.PI) / 5) - 0.5) * 2;
    const d = Math.hypot(x - c, y - c) / c;
    if (d > edge) return [0, 0, 0, 0];
    return [rgb[0], Math.round(rgb[1] * (1 - d * 0.4)), rgb[2], 255];
  });
}

/** A short sine tone as 16-bit mono PCM WAV. */
export function toneWav(seconds: number, hz = 880, rate = 22050): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 12000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
