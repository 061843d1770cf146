const FORMULA_START = /^[=+\-@\t\r]/;
// Opened in a locale whose separator is `;`, every `;` starts a new cell, and some readers split a
// quoted cell at its line breaks: a formula character after either gets the same neutralising quote.
const FORMULA_AFTER_BREAK = /([;\n\r])(?=[ \t"]*[=+\-@])/g;

/**
 * One CSV cell (RFC 4180 quoting). Spreadsheet programs execute cells that start like a formula
 * (`= + - @`, tab, carriage return); a leading quote keeps them text, also after a `;` or a line break.
 */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = text.replace(FORMULA_AFTER_BREAK, "$1'");
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV record, CRLF-terminated. */
export const csvLine = (values: unknown[]): string => `${values.map(csvCell).join(',')}\r\n`;

/** Answers with a CSV download (a stream of `csvLine`s). */
export const sendCsv = (
  ctx: { set(name: string, value: string): void; type: string; body: unknown },
  filename: string,
  body: NodeJS.ReadableStream
): void => {
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.body = body;
};
