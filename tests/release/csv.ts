// A small RFC 4180 reader for the tests (CRLF rows, quoted cells with doubled quotes): independent of the
// writer in src/release/matrix-render.ts.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let j = i + 1;
        let cell = '';
        while (j < line.length) {
          if (line[j] === '"' && line[j + 1] === '"') {
            cell += '"';
            j += 2;
          } else if (line[j] === '"') break;
          else cell += line[j++];
        }
        cells.push(cell);
        i = j + 2;
      } else {
        const k = line.indexOf(',', i);
        cells.push(line.slice(i, k < 0 ? line.length : k));
        i = k < 0 ? line.length + 1 : k + 1;
      }
    }
    rows.push(cells);
  }
  return rows;
}
