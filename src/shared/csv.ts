/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with `"`, `,`, CR or LF quoted, quotes doubled), safe to
 * open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@` (or a tab / CR, which some spreadsheets skip
 * before reading a formula) gets a leading `'`, so it is shown as text instead of run as a formula (OWASP
 * "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
