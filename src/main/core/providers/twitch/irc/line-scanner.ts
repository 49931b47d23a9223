import { IGNORED_TAGS_FROM, INTERNED_TAGS, KNOWN_TAGS } from './irc-tags';
import { LINE_SCANNER_WASM } from './wasm/line-scanner.wasm';

/**
 * The WebAssembly IRC line scanner (wasm/line-scanner.as.ts): JS writes a line into its memory as UTF-16 and
 * reads back where the tags, prefix, command and params are. One instance per process, synchronous, no imports.
 */

interface ScannerExports {
  memory: WebAssembly.Memory;
  init(slotCount: number): void;
  scanLine(start: number, end: number): number;
  [layout: string]: unknown;
}

const instance = new WebAssembly.Instance(
  new WebAssembly.Module(Buffer.from(LINE_SCANNER_WASM, 'base64')),
  {},
);
const exports = instance.exports as unknown as ScannerExports;

function layout(name: string): number {
  const value = (exports[name] as WebAssembly.Global | undefined)?.value;
  if (typeof value !== 'number') throw new Error(`line scanner: missing export ${name}`);
  return value;
}

/** Longest line the scanner takes (UTF-16 code units); longer lines are malformed (IRCv3 allows ~8.7k bytes). */
export const MAX_LINE_CHARS = layout('LINE_CHARS') - 1;
/** Entries of the scanner's value pool; the pool codes in TAGS records index them. */
export const POOL_ENTRIES = layout('POOL_ENTRIES');

const memoryBytes = exports.memory.buffer;
if (memoryBytes.byteLength < layout('MEMORY_END')) {
  throw new Error('line scanner: memory smaller than its layout');
}
const bytes = Buffer.from(memoryBytes);

/**
 * Copies `text` into the scanner's memory as UTF-16 from address 0: ~15 % of the parse time, most of it the cost of
 * the call into Node (the undocumented `ucs2Write` behind it measured no faster; `latin1Write` is 2x cheaper but not
 * exact, see wasm/line-scanner.as.ts).
 */
function writeUtf16(text: string): void {
  bytes.write(text, 0, 'utf16le');
}

/** The scanner's memory as i32 words; the `*_WORD` offsets below index it. */
export const words = new Int32Array(memoryBytes);
/** HEADER: [tagCount, prefixStart, prefixEnd, commandStart, commandEnd, isPrivmsg, paramCount, highestSlot]. */
export const HEADER_WORD = layout('HEADER') >> 2;
/** PARAMS: [start, end) per param. */
export const PARAMS_WORD = layout('PARAMS') >> 2;
/** TAGS: [slot, valueStart, valueEnd, info] per tag (see scanTags in the source for `info`). */
export const TAGS_WORD = layout('TAGS') >> 2;

function initKeys(): void {
  const slots = layout('SLOTS') >> 2;
  const keyChars = layout('KEY_CHARS');
  if (KNOWN_TAGS.length > layout('MAX_SLOTS')) throw new Error('line scanner: too many known tags');
  const skip = layout('SKIP');
  const intern = layout('INTERN');
  let offset = 0;
  KNOWN_TAGS.forEach((key, slot) => {
    const address = keyChars + offset * 2;
    bytes.write(key, address, 'utf16le');
    words[slots + slot * 4] = address;
    words[slots + slot * 4 + 1] = key.length;
    const interned = (INTERNED_TAGS as readonly string[]).includes(key);
    words[slots + slot * 4 + 2] = slot >= IGNORED_TAGS_FROM ? skip : interned ? intern : 0;
    offset += key.length;
  });
  if (offset * 2 > layout('KEY_CHARS_BYTES')) throw new Error('line scanner: key table too small');
  exports.init(KNOWN_TAGS.length);
}
initKeys();

/** The string whose code units are in the scanner's memory now (a frame holding several lines is written once). */
let loaded: string | null = null;

/**
 * Scans `text[start, end)`. Returns the offset to add to the scanner's positions to index `text` (0 when the whole
 * text was loaded), or -1 when the line is malformed or too long.
 */
export function scanLine(text: string, start: number, end: number): number {
  if (start < 0 || end < start || end > text.length || end - start > MAX_LINE_CHARS) return -1;
  let offset = 0;
  if (text.length <= MAX_LINE_CHARS) {
    // `!==` on strings compares by content only when they are different objects of equal length.
    if (text !== loaded) {
      writeUtf16(text);
      loaded = text;
    }
  } else {
    // A frame too long to load whole: load just this line.
    writeUtf16(text.slice(start, end));
    loaded = null;
    offset = start;
    end -= start;
    start = 0;
  }
  return exports.scanLine(start, end) === 0 ? offset : -1;
}
