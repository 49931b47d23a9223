/**
 * Reads a settings file the way people edit it: a UTF-8 or UTF-16 byte-order mark, `//` and `/* *\/` comments and
 * trailing commas (JSONC, as in VS Code's settings) are accepted. OnAir writes plain JSON back.
 */

/** Text of a file's bytes: UTF-16 LE when it starts with that BOM (Windows "Unicode"), else UTF-8; no BOM. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Comments blanked to spaces (so JSON.parse positions still point at the right place). */
function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index just past the string literal that starts at `start` (or the end of the text if unterminated). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Commas directly before `}` or `]` (outside strings) blanked. Indexes are UTF-16 units throughout. */
function blankTrailingCommas(text: string): string {
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '"') i = endOfString(text, i) - 1;
    else if (chars[i] === ',') {
      let next = i + 1;
      while (next < chars.length && /\s/.test(chars[next]!)) next += 1;
      if (chars[next] === '}' || chars[next] === ']') chars[i] = ' ';
    }
  }
  return chars.join('');
}

/** JSON.parse for JSONC text (throws SyntaxError like it for anything else). */
export function parseJsonc(text: string): unknown {
  return JSON.parse(blankTrailingCommas(blankComments(text)));
}
