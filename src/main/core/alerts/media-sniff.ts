/**
 * Media types recognised by their first bytes (never by the file name), so a file named `.png` that holds
 * HTML or SVG (which can carry script) is refused. Signatures from the formats' specifications.
 */

export type MediaKind = 'image' | 'video' | 'audio';

export interface SniffedType {
  contentType: string;
  kind: MediaKind;
}

/** Bytes needed to recognise every supported type. */
export const SNIFF_BYTES = 16;

const ascii = (head: Uint8Array, at: number, text: string): boolean =>
  head.length >= at + text.length && [...text].every((char, i) => head[at + i] === char.charCodeAt(0));

const bytes = (head: Uint8Array, at: number, expected: number[]): boolean =>
  head.length >= at + expected.length && expected.every((value, i) => head[at + i] === value);

const SIGNATURES: Array<{ test: (head: Uint8Array) => boolean; type: SniffedType }> = [
  {
    test: (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    type: { contentType: 'image/png', kind: 'image' },
  },
  { test: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]), type: { contentType: 'image/jpeg', kind: 'image' } },
  {
    test: (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a'),
    type: { contentType: 'image/gif', kind: 'image' },
  },
  {
    test: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP'),
    type: { contentType: 'image/webp', kind: 'image' },
  },
  {
    test: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE'),
    type: { contentType: 'audio/wav', kind: 'audio' },
  },
  // EBML header: WebM (and Matroska, which browsers play as WebM when the codecs allow).
  { test: (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3]), type: { contentType: 'video/webm', kind: 'video' } },
  { test: (h) => ascii(h, 4, 'ftyp'), type: { contentType: 'video/mp4', kind: 'video' } },
  { test: (h) => ascii(h, 0, 'OggS'), type: { contentType: 'audio/ogg', kind: 'audio' } },
  { test: (h) => ascii(h, 0, 'fLaC'), type: { contentType: 'audio/flac', kind: 'audio' } },
  // MP3: an ID3v2 tag, or an MPEG audio frame sync (11 set bits) with a valid layer.
  {
    test: (h) =>
      ascii(h, 0, 'ID3') || (h.length >= 2 && h[0] === 0xff && (h[1] & 0xe0) === 0xe0 && (h[1] & 0x06) !== 0),
    type: { contentType: 'audio/mpeg', kind: 'audio' },
  },
];

/** The media type of a file's first bytes, or null when it is none the alert box plays. */
export function sniffMediaType(head: Uint8Array): SniffedType | null {
  return SIGNATURES.find((signature) => signature.test(head))?.type ?? null;
}
