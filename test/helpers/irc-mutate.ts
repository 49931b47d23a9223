/** Mutations of real IRC lines for fuzzing the parser: cuts, splices, rotations and hostile characters. */
export const NASTY = [
  '\\',
  ';',
  '=',
  ' ',
  ':',
  '@',
  '#',
  '/',
  ',',
  '-',
  '\x01',
  '\r',
  '\n',
  '😂',
  '\ud800',
  '\udfff',
  '\0',
  '9',
  // Characters whose low byte is an IRC delimiter or a key letter: a scanner that copied the line as Latin-1
  // would read them as ';', ' ', '=', '\\', '@', ':' or 'b'.
  '\u013b',
  '\u0120',
  '\u013d',
  '\u015c',
  '\u0140',
  '\u013a',
  '\u0162',
];

export function mutate(line: string, random: () => number): string {
  const at = (): number => Math.floor(random() * (line.length + 1));
  const ops = 1 + Math.floor(random() * 4);
  for (let i = 0; i < ops; i++) {
    const kind = Math.floor(random() * 6);
    const p = at();
    const q = Math.min(line.length, p + Math.floor(random() * 40));
    if (kind === 0) line = line.slice(0, p) + line.slice(q);
    else if (kind === 1) line = line.slice(0, p) + NASTY[Math.floor(random() * NASTY.length)] + line.slice(p);
    else if (kind === 2) line = line.slice(0, p) + line.slice(p, q) + line.slice(p);
    else if (kind === 3) line = line.slice(0, p);
    else if (kind === 4) line = line.slice(0, p) + String(Math.floor(random() * 1e6)) + line.slice(q);
    else line = line.slice(q) + line.slice(0, p);
  }
  return line;
}
