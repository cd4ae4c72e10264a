/**
 * CSV text as spreadsheets and platforms write it: comma or tab separated, fields optionally
 * quoted (RFC 4180: "" is a quote inside, quotes may hold separators and line breaks), CRLF or LF,
 * a leading BOM dropped. Blank lines are skipped; each record keeps the 1-based line it starts on,
 * as a spreadsheet numbers it.
 */
export function splitCsv(text: string): Array<{ line: number; fields: string[] }> {
  const body = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(body);
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else field += c;
  }
  endRecord();
  return records;
}

/** Tab wins when the first line has one: spreadsheets paste tabs, and tabs never occur in the fields. */
function detectSeparator(body: string): ',' | '\t' {
  const first = body.slice(0, body.search(/\r|\n|$/));
  return first.includes('\t') ? '\t' : ',';
}
