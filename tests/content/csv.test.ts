import { parseCsv, toCsv } from '../../server/content/csv';

describe('CSV for Excel', () => {
  test('the text starts with a byte-order mark and every record ends with CRLF', () => {
    expect(toCsv([['编号', '题干'], ['party-001', '哪一年？']])).toBe('\uFEFF编号,题干\r\nparty-001,哪一年？\r\n');
  });

  test('fields with commas, quotes and line breaks are quoted and read back the same', () => {
    const rows = [['a,b', 'say "正确"', '第一行\n第二行', '', '，。、'], ['x', '', '"', 'crlf\r\nend', ' lead']];
    const text = toCsv(rows);
    expect(text).toContain('"a,b","say ""正确""","第一行\n第二行",,，。、\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });

  test('a file saved with LF line ends and no final line break is read', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  test('an unterminated quoted field is an error', () => {
    expect(() => parseCsv('a,"b\n')).toThrow('quoted');
  });
});
