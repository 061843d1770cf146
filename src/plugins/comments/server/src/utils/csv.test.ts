import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  test.each(['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tTab', '\rReturn'])(
    'a cell starting like a formula (%j) is kept as text',
    (value) => {
      expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
    }
  );

  test('a formula after a semicolon or a line break is kept as text too', () => {
    expect(csvCell('fine;=HYPERLINK("http://x")')).toBe(`"fine;'=HYPERLINK(""http://x"")"`);
    expect(csvCell('a; "+1"')).toBe(`"a;' ""+1"""`);
    expect(csvCell('line\n@SUM(1)')).toBe(`"line\n'@SUM(1)"`);
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  test('quotes, commas and line breaks are quoted, inner quotes doubled', () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  test('null and undefined are empty; dates are ISO text; plain text is as it is', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date('2026-12-03T09:00:00Z'))).toBe('2026-12-03T09:00:00.000Z');
    expect(csvCell('plain')).toBe('plain');
  });
});

test('csvLine joins the cells and ends with CRLF', () => {
  expect(csvLine(['a', null, '=1+1', 3])).toBe("a,,'=1+1,3\r\n");
});
