/**
 * Splits CSV text the way a spreadsheet does with the given separator: a field that starts with a
 * quote runs to the closing quote (`""` is a quote inside it); a quote elsewhere is plain text.
 * Reading the register with `;` is what a spreadsheet set to a European locale does.
 */
export const parseCsv = (text: string, separator = ','): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    if (field === '' && text[i] === '"') {
      i += 1;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
      continue;
    }
    const character = text[i];
    if (character === separator) endField();
    else if (character === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else field += character;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
};

/** What a spreadsheet would run as a formula (OWASP's list of leading characters). */
export const FORMULA_START = /^[=+\-@\t\r]/;
