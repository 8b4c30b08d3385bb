/**
 * RFC 4180 CSV, written UTF-8 with a byte-order mark: without it Excel on a Chinese Windows reads
 * the file as GBK and every character is garbled.
 */
const bom = '\uFEFF';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return bom + rows.map((row) => `${row.map(quote).join(',')}\r\n`).join('');
}

/** Records of fields; CRLF or LF line ends, quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(bom) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && input[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (c === '\n' || c === '\r') endRow();
    else field += c;
    i += 1;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  // A last record without a line break still counts; the final line break does not start a new one.
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
