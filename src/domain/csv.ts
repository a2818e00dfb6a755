// CSV for Excel users: UTF-8 with a byte-order mark, CRLF lines, and no cell that Excel would
// run as a formula.

/** One CSV cell: a leading = + - @ (or tab, CR) neutralised with ', then quoted if needed. */
export const csvCell = (v: string | number): string => {
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}` // never run as a formula
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows as a CSV file's text, starting with the byte-order mark. */
export const csvTable = (rows: readonly (readonly (string | number)[])[]): string =>
  '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
