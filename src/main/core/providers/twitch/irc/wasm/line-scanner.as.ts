/**
 * IRC line scanner in AssemblyScript, compiled to WebAssembly by `npm run build:wasm` (scripts/build-wasm.mjs)
 * into line-scanner.wasm.ts. It only finds WHERE things are in one line: tag keys (matched to known tag
 * slots) and values, prefix, command, params. The JS side (../irc-parser.ts) writes the line into memory as
 * UTF-16 code units (exact for every string, unlike a Latin-1 copy, which would turn U+013B into `;`) and
 * builds the strings from the positions.
 *
 * Why WebAssembly: in JS, every `charCodeAt` and `indexOf` pays for V8's string-representation checks; here
 * a tag key (with its '=') is two masked 8-unit vector compares and delimiters are found 16 units per SIMD
 * compare (bench/irc-parse.bench.ts: 3.0-3.4x irc-message in JS, 4.3-4.8x with this scanner).
 *
 * Semantics (same as the JS parser it replaced; test/unit/irc-scanner-differential.test.ts checks them against a
 * plain reference parser): the tag block runs from '@' to the first space; tags split on ';', a key ends at the
 * first '=' (no '=' = empty value); empty keys are dropped; the prefix runs from ':' to the next space; params
 * are space-separated, a param starting with ':' takes the rest of the line. Malformed: no command, a tag block or
 * prefix with no space after it, more than MAX_PARAMS params, a line of LINE_CHARS code units or more.
 */

// ---- Memory layout (byte addresses). Exported, so the JS side reads them instead of repeating them. ----

/** Longest line in UTF-16 code units (IRCv3 allows 8,191 bytes of tags plus 512 of message). */
export const LINE_CHARS: i32 = 65536;
/** The line's code units, then spare bytes: vector loads and key compares may read a little past the end. */
export const LINE: i32 = 0;
/** 8 x i32 written by scanLine: see `scanLine`. */
export const HEADER: i32 = LINE + LINE_CHARS * 2 + 256;
/** [start, end) of each param. */
export const PARAMS: i32 = HEADER + 32;
export const MAX_PARAMS: i32 = 64;
/** [slot, valueStart, valueEnd, info] of each reported tag: room for the most a line can hold (`a;a;…`). */
export const TAGS: i32 = PARAMS + MAX_PARAMS * 8;
export const MAX_TAGS: i32 = LINE_CHARS / 2;
/** Per known tag slot, filled by JS before `init`: [key address, key length, flags, unused]. */
export const SLOTS: i32 = TAGS + MAX_TAGS * 16;
export const MAX_SLOTS: i32 = 128;
/** Key characters (UTF-16), filled by JS. */
export const KEY_CHARS: i32 = SLOTS + MAX_SLOTS * 16;
export const KEY_CHARS_BYTES: i32 = 8192;
/** Predicted next slot after each slot (index slot + 1; 0 = block start, MAX_SLOTS + 1 = after an unknown key). */
const NEXT: i32 = KEY_CHARS + KEY_CHARS_BYTES;
/** Open-addressing table of slot + 1 (0 = empty), by `keyHash`. */
const KEY_TABLE: i32 = NEXT + (MAX_SLOTS + 2) * 4;
const KEY_TABLE_MASK: i32 = 1023;
/** Interned values: [slot, length, up to POOL_CHARS code units] per entry, direct-mapped by a hash. */
const POOL: i32 = KEY_TABLE + (KEY_TABLE_MASK + 1) * 4;
export const POOL_ENTRIES: i32 = 1024;
const POOL_CHARS: i32 = 64;
const ENTRY_BYTES: i32 = 8 + POOL_CHARS * 2;
/** Per slot, built by `init`: key + '=' as vectors: [first 8 code units, lane mask, last 8 code units]. */
const KEY_VECTORS: i32 = POOL + POOL_ENTRIES * ENTRY_BYTES;
export const MEMORY_END: i32 = KEY_VECTORS + MAX_SLOTS * 48;

/** Slot flags. */
export const SKIP: i32 = 1; // recognised and not reported (legacy tags nobody reads)
export const INTERN: i32 = 2; // value looked up in the pool (values that repeat: badges, colour, room id)

const AFTER_UNKNOWN: i32 = MAX_SLOTS + 1;
const SPACE: i32 = 32;
const SEMI: i32 = 59;
const EQUALS: i32 = 61;
const COLON: i32 = 58;
const AT: i32 = 64;
const BACKSLASH: i32 = 92;

function charAt(index: i32): i32 {
  return <i32>load<u16>(<usize>(LINE + (index << 1)));
}

/** Whether `chars` UTF-16 code units at byte addresses a and b are equal: 4 per 64-bit load (overlapping tail). */
function sameChars(a: usize, b: usize, chars: i32): bool {
  const bytes = <usize>(chars << 1);
  if (bytes >= 8) {
    let i: usize = 0;
    while (i + 8 < bytes) {
      if (load<u64>(a + i) != load<u64>(b + i)) return false;
      i += 8;
    }
    return load<u64>(a + bytes - 8) == load<u64>(b + bytes - 8);
  }
  if (bytes >= 4) return load<u32>(a) == load<u32>(b) && load<u32>(a + bytes - 4) == load<u32>(b + bytes - 4);
  return bytes == 0 || load<u16>(a) == load<u16>(b);
}

function keyHash(at: usize, chars: i32): i32 {
  const first = <i32>load<u16>(at);
  const middle = <i32>load<u16>(at + ((<usize>(chars >> 1)) << 1));
  const last = <i32>load<u16>(at + ((<usize>(chars - 1)) << 1));
  return (chars * 131 + first * 31 + middle * 7 + last * 3) & KEY_TABLE_MASK;
}

function slotKeyAddress(slot: i32): usize {
  return <usize>load<i32>(<usize>(SLOTS + (slot << 4)));
}

function slotKeyLength(slot: i32): i32 {
  return load<i32>(<usize>(SLOTS + (slot << 4) + 4));
}

function slotFlags(slot: i32): i32 {
  return load<i32>(<usize>(SLOTS + (slot << 4) + 8));
}

function nextAddress(state: i32): usize {
  return <usize>(NEXT + (state << 2));
}

/** Builds the key table from SLOTS (filled by JS) and forgets all predictions. */
export function init(slotCount: i32): void {
  memory.fill(<usize>KEY_TABLE, 0, <usize>((KEY_TABLE_MASK + 1) * 4));
  memory.fill(<usize>POOL, 0, <usize>(POOL_ENTRIES * ENTRY_BYTES));
  for (let slot = 0; slot < slotCount; slot++) {
    let h = keyHash(slotKeyAddress(slot), slotKeyLength(slot));
    while (load<i32>(<usize>(KEY_TABLE + (h << 2))) != 0) h = (h + 1) & KEY_TABLE_MASK;
    store<i32>(<usize>(KEY_TABLE + (h << 2)), slot + 1);
  }
  for (let state = 0; state < MAX_SLOTS + 2; state++) store<i32>(nextAddress(state), -1);
  for (let slot = 0; slot < slotCount; slot++) buildKeyVectors(slot);
}

/** Key + '=' of `slot` as the vectors `keyMatches` compares with. */
function buildKeyVectors(slot: i32): void {
  const vectors = <usize>(KEY_VECTORS + slot * 48);
  const key = slotKeyAddress(slot);
  const chars = slotKeyLength(slot) + 1; // with '='
  memory.fill(vectors, 0, 48);
  for (let i = 0; i < chars; i++) {
    const code: u16 = i < chars - 1 ? load<u16>(key + ((<usize>i) << 1)) : <u16>EQUALS;
    if (i < 8) {
      store<u16>(vectors + ((<usize>i) << 1), code);
      store<u16>(vectors + 16 + ((<usize>i) << 1), 0xffff);
    }
    const last = i - (chars - 8);
    if (last >= 0) store<u16>(vectors + 32 + ((<usize>last) << 1), code);
  }
}

/** Whether key + '=' of `slot` is at `pos`: two masked vector compares (16 units), plus the middle of longer keys. */
function keyMatches(slot: i32, pos: i32): bool {
  const vectors = <usize>(KEY_VECTORS + slot * 48);
  const at = <usize>(LINE + (pos << 1));
  const chars = slotKeyLength(slot) + 1;
  let diff = v128.and(v128.xor(v128.load(at), v128.load(vectors)), v128.load(vectors, 16));
  if (chars > 8) {
    diff = v128.or(diff, v128.xor(v128.load(at + ((<usize>(chars - 8)) << 1)), v128.load(vectors, 32)));
    if (v128.any_true(diff)) return false;
    return chars <= 16 || sameChars(at + 16, slotKeyAddress(slot) + 16, chars - 16);
  }
  return !v128.any_true(diff);
}

/** Slot of the key at chars [pos, end), or -1. */
function lookupKey(pos: i32, end: i32): i32 {
  const chars = end - pos;
  if (chars <= 0) return -1;
  const at = <usize>(LINE + (pos << 1));
  let h = keyHash(at, chars);
  while (true) {
    const entry = load<i32>(<usize>(KEY_TABLE + (h << 2)));
    if (entry == 0) return -1;
    const slot = entry - 1;
    if (slotKeyLength(slot) == chars && sameChars(at, slotKeyAddress(slot), chars)) return slot;
    h = (h + 1) & KEY_TABLE_MASK;
  }
}

/**
 * Pool entry of value chars [start, end) of `slot`: (entry << 2) | 2 when the entry already held it, | 3 when it
 * was stored now (JS then slices the value and keeps it for the entry); 0 when too long to intern.
 */
function intern(slot: i32, start: i32, end: i32): i32 {
  const chars = end - start;
  if (chars > POOL_CHARS) return 0;
  const at = <usize>(LINE + (start << 1));
  const bytes = <usize>(chars << 1);
  // Hash of the length and the first, middle and last four code units (collisions only cost a miss).
  let h: u64 = <u64>(chars * 64 + slot) * 0x9e3779b97f4a7c15;
  if (chars >= 4) {
    h ^= load<u64>(at) * 0xc2b2ae3d27d4eb4f;
    h ^= load<u64>(at + ((<usize>(chars >> 1) - 2) << 1)) * 0x165667b19e3779f9;
    h ^= load<u64>(at + bytes - 8) * 0x27d4eb2f165667c5;
  } else {
    h ^= (load<u64>(at) & (((<u64>1) << ((<u64>bytes) << 3)) - 1)) * 0xc2b2ae3d27d4eb4f;
  }
  const e = (<i32>((h ^ (h >> 32)) >> 20)) & (POOL_ENTRIES - 1);
  const entry = <usize>(POOL + e * ENTRY_BYTES);
  if (load<i32>(entry) == slot + 1 && load<i32>(entry + 4) == chars && sameChars(entry + 8, at, chars)) {
    return (e << 2) | 2;
  }
  store<i32>(entry, slot + 1);
  store<i32>(entry + 4, chars);
  memory.copy(entry + 8, at, bytes);
  return (e << 2) | 3;
}

/** First index >= pos holding `code` (a sentinel guarantees one). 8 code units per SIMD compare. */
function find(pos: i32, code: i32): i32 {
  const wanted = i16x8.splat(<i16>code);
  while (true) {
    const mask = i16x8.bitmask(i16x8.eq(v128.load(<usize>(LINE + (pos << 1))), wanted));
    if (mask != 0) return pos + ctz(mask);
    pos += 8;
  }
}

/** First index >= pos holding one of three codes. */
function find3(pos: i32, a: v128, b: v128, c: v128): i32 {
  while (true) {
    const at = <usize>(LINE + (pos << 1));
    // 16 code units narrowed to bytes (saturating: anything above 0xFF becomes 0xFF, never a delimiter)
    const chunk = i8x16.narrow_i16x8_u(v128.load(at), v128.load(at + 16));
    const hits = v128.or(v128.or(i8x16.eq(chunk, a), i8x16.eq(chunk, b)), i8x16.eq(chunk, c));
    const mask = i8x16.bitmask(hits);
    if (mask != 0) return pos + ctz(mask);
    pos += 16;
  }
}

function skipSpaces(pos: i32, end: i32): i32 {
  while (pos < end && charAt(pos) == SPACE) pos++;
  return pos;
}

/** Record info of a value to look up in the pool once the line is known to be well formed. */
const INTERN_PENDING: i32 = -1;
/** Set by scanTags: where the tag block ended (the space after it). */
let tagsEnd = 0;
/** Set by scanTags: the highest slot it reported, -1 for none. */
let highestSlot = -1;

/**
 * The tag block from `pos` (just after '@') to the first space, which it finds on the way (the space stored after
 * the line ends the block at the latest). Writes one TAGS record per tag with a non-empty key whose slot is not
 * SKIP: [slot (-1 = unknown key), valueStart, valueEnd, info] where info is, for a known slot, 0 (plain), 1 (has a
 * backslash: unescape) or INTERN_PENDING (`internValues` replaces it with a pool code), and for an unknown key
 * (keyStart << 1) | hasBackslash. Returns the record count (at most MAX_TAGS: every tag takes two chars).
 */
function scanTags(pos: i32): i32 {
  const semi = i8x16.splat(<i8>SEMI);
  const equals = i8x16.splat(<i8>EQUALS);
  const backslash = i8x16.splat(<i8>BACKSLASH);
  const space = i8x16.splat(<i8>SPACE);
  let prev = 0;
  let count = 0;
  let out = <usize>TAGS;
  highestSlot = -1;
  while (true) {
    // Twitch sends tags in a stable order: first try the slot that followed the previous one last time. A
    // match is a known key followed by '=', so no space (the block end) lies inside it.
    let slot = load<i32>(nextAddress(prev));
    let valueStart = -1;
    if (slot >= 0 && keyMatches(slot, pos)) valueStart = pos + slotKeyLength(slot) + 1;
    let keyEnd: i32;
    if (valueStart < 0) {
      keyEnd = find3(pos, semi, equals, space);
      slot = lookupKey(pos, keyEnd);
      store<i32>(nextAddress(prev), slot);
      valueStart = charAt(keyEnd) == EQUALS ? keyEnd + 1 : keyEnd;
    } else {
      keyEnd = valueStart - 1;
    }
    let escaped = 0;
    let valueEnd = find3(valueStart, semi, backslash, space);
    while (charAt(valueEnd) == BACKSLASH) {
      escaped = 1;
      valueEnd = find3(valueEnd + 1, semi, backslash, space);
    }
    const flags = slot >= 0 ? slotFlags(slot) : 0;
    if (keyEnd > pos && (flags & SKIP) == 0) {
      let info = 0;
      if (slot < 0) info = (pos << 1) | escaped;
      else if (escaped != 0) info = 1;
      else if ((flags & INTERN) != 0 && valueEnd > valueStart) info = INTERN_PENDING;
      v128.store(out, i32x4(slot, valueStart, valueEnd, info));
      out += 16;
      count++;
      if (slot > highestSlot) highestSlot = slot;
    }
    prev = slot < 0 ? AFTER_UNKNOWN : slot + 1;
    if (charAt(valueEnd) == SPACE) {
      tagsEnd = valueEnd;
      return count;
    }
    pos = valueEnd + 1;
  }
}

/**
 * Looks the INTERN records up in the value pool, run only once the line is known to be well formed: the JS side
 * mirrors the pool from the records, so the pool must never change for a line JS then drops.
 */
function internValues(count: i32): void {
  for (let i = 0; i < count; i++) {
    const record = <usize>(TAGS + (i << 4));
    if (load<i32>(record + 12) == INTERN_PENDING) {
      store<i32>(record + 12, intern(load<i32>(record), load<i32>(record + 4), load<i32>(record + 8)));
    }
  }
}

/**
 * Scans the line in chars [start, end) of LINE. Returns 0, -1 for a malformed line (no command; a tag block or
 * prefix without a following space), -2 for more than MAX_PARAMS params. HEADER then holds:
 * [tag count (-1 = no tag block), prefix start (-1 = none), prefix end, command start, command end,
 *  1 if the command is PRIVMSG, param count, highest tag slot reported (-1 = none)].
 */
export function scanLine(start: i32, end: i32): i32 {
  if (start < 0 || end < start || end >= LINE_CHARS) return -1;
  // A space after the line stops every search; the char it replaces is put back before returning.
  const endAddress = <usize>(LINE + (end << 1));
  const saved = load<u16>(endAddress);
  store<u16>(endAddress, SPACE);
  const status = scan(start, end);
  store<u16>(endAddress, saved);
  return status;
}

function scan(start: i32, end: i32): i32 {
  let pos = start;
  let tagCount = -1;
  if (pos < end && charAt(pos) == AT) {
    tagCount = scanTags(pos + 1);
    if (tagsEnd >= end) return -1;
    pos = skipSpaces(tagsEnd + 1, end);
  }
  let prefixStart = -1;
  let prefixEnd = -1;
  if (pos < end && charAt(pos) == COLON) {
    prefixEnd = find(pos, SPACE);
    if (prefixEnd >= end) return -1;
    prefixStart = pos + 1;
    pos = skipSpaces(prefixEnd + 1, end);
  }
  if (pos >= end) return -1;
  const commandStart = pos;
  const commandEnd = find(pos, SPACE);
  // "PRIVMSG" as UTF-16LE: code units 0-3 and 3-6 (overlapping) in two 64-bit loads.
  const command = <usize>(LINE + (pos << 1));
  const privmsg =
    commandEnd - pos == 7 &&
    load<u64>(command) == 0x0056_0049_0052_0050 &&
    load<u64>(command + 6) == 0x0047_0053_004d_0056;
  pos = skipSpaces(commandEnd + 1, end);
  let params = 0;
  let out = <usize>PARAMS;
  while (pos < end) {
    if (params == MAX_PARAMS) return -2;
    if (charAt(pos) == COLON) {
      store<i32>(out, pos + 1);
      store<i32>(out + 4, end);
      params++;
      break;
    }
    const spaceAt = find(pos, SPACE);
    store<i32>(out, pos);
    store<i32>(out + 4, spaceAt);
    out += 8;
    params++;
    pos = skipSpaces(spaceAt + 1, end);
  }
  if (tagCount > 0) internValues(tagCount);
  v128.store(<usize>HEADER, i32x4(tagCount, prefixStart, prefixEnd, commandStart));
  v128.store(<usize>HEADER + 16, i32x4(commandEnd, privmsg ? 1 : 0, params, tagCount < 0 ? -1 : highestSlot));
  return 0;
}
