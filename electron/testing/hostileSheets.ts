// Test support: hostile .xlsx files built in memory in milliseconds (no large fixtures committed).
// A deflate stream cut with a full flush is byte-aligned and refers to nothing before it, so one
// compressed megabyte repeated N times unpacks to that megabyte N times: a few MB of file, GBs of XML.
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Part {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  /** What the ZIP declares; a hostile file may lie. */
  size: number;
  crc: number;
}

const flushed = (text: string) =>
  deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** `head`, then `body` `times` times, then `tail`, as one deflate stream, without ever building it whole. */
export function repeatedDeflate(head: string, body: string, times: number, tail: string): Buffer {
  const block = flushed(body);
  return Buffer.concat([
    flushed(head),
    ...Array.from({ length: times }, () => block),
    flushed(tail),
    FINAL_EMPTY_BLOCK,
  ]);
}

function plain(name: string, text: string): Part {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** The fields a local header and a central directory entry share, from `at` on. */
function describePart(header: Buffer, at: number, part: Part, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(part.crc >>> 0, at + 10);
  header.writeUInt32LE(part.data.length, at + 14);
  header.writeUInt32LE(part.size >>> 0, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A ZIP of deflated parts, with the sizes and checksums each part declares. */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    describePart(local, 4, part, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    describePart(central, 6, part, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    directory.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const MB = 1024 * 1024;

/** A workbook with these parts in place of its first sheet and shared strings; the rest is ordinary. */
function workbook(sheet: Part, sharedStrings: Part): Buffer {
  return zipOf([
    plain('[Content_Types].xml', CONTENT_TYPES),
    plain('_rels/.rels', ROOT_RELS),
    plain('xl/workbook.xml', WORKBOOK),
    plain('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sharedStrings,
    sheet,
  ]);
}

const headerRow = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';

/**
 * About 3.7 MB that unpacks to about 1 GB of worksheet XML: formatted blank rows, which hold no
 * text, so no row limit stops it first. By default the ZIP declares the sheet small, as a hostile
 * file would; `honest` declares its real size.
 */
export function sheetBomb({ megabytes = 1000, honest = false } = {}): Buffer {
  const row =
    '<row r="3" spans="1:3" s="1" customFormat="1" ht="20" customHeight="1"><c r="A3" s="1"/><c r="B3" s="1"/></row>';
  const body = row.repeat(Math.floor(MB / row.length));
  const head = SHEET_HEAD + headerRow;
  const data = repeatedDeflate(head, body, megabytes, SHEET_TAIL);
  const size = honest ? head.length + body.length * megabytes + SHEET_TAIL.length : 4096;
  return workbook(
    { name: 'xl/worksheets/sheet1.xml', data, size, crc: 0 },
    plain('xl/sharedStrings.xml', `${SST_HEAD}<si><t>path</t></si><si><t>name</t></si></sst>`),
  );
}

/** Rows of real data, far more of them than a batch takes, in a small file. */
export function rowFlood(megabytes = 200): Buffer {
  const row = '<row r="2"><c r="A2" t="inlineStr"><is><t>pages/index/index</t></is></c></row>';
  const body = row.repeat(Math.floor(MB / row.length));
  const data = repeatedDeflate(SHEET_HEAD + headerRow, body, megabytes, SHEET_TAIL);
  return workbook(
    { name: 'xl/worksheets/sheet1.xml', data, size: 4096, crc: 0 },
    plain('xl/sharedStrings.xml', `${SST_HEAD}<si><t>path</t></si><si><t>name</t></si></sst>`),
  );
}

/**
 * About 0.7 MB whose cell B2 is one shared text of `megabytes` MB (734 by default, as measured:
 * "a 0.7 MB file made a 734 MB cell").
 */
export function giantCell(megabytes = 734): Buffer {
  const sheet = `${SHEET_HEAD + headerRow}<row r="2"><c r="A2" t="inlineStr"><is><t>pages/index/index</t></is></c><c r="B2" t="s"><v>2</v></c></row>${SHEET_TAIL}`;
  const head = `${SST_HEAD}<si><t>path</t></si><si><t>name</t></si><si><t>`;
  const data = repeatedDeflate(head, 'A'.repeat(MB), megabytes, '</t></si></sst>');
  return workbook(plain('xl/worksheets/sheet1.xml', sheet), {
    name: 'xl/sharedStrings.xml',
    data,
    size: 4096,
    crc: 0,
  });
}
