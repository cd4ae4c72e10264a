/**
 * Text to GB18030 bytes (two-byte forms, which cover GBK: every Chinese character an order
 * report holds), for building the files Chinese Excel saves as "CSV". Node can decode GB18030 but
 * not encode it, so the table is made by decoding every two-byte code once.
 */
let table: Map<string, number[]> | null = null;

function encodings(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = encodings().get(char);
      if (!pair) throw new Error(`no two-byte GB18030 form for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
