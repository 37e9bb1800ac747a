/**
 * CSV that Excel opens with Chinese text intact: UTF-8 with a byte-order mark, CRLF line ends,
 * RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (=, +, -, @ first) are
 * prefixed with an apostrophe; numbers are written as numbers.
 */
export type Cell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
