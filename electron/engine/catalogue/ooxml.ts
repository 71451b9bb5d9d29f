/**
 * catalog.xlsx and the two catalogues as DOCX, written as plain Office Open XML rather than with a
 * document library: the packages stay small, 100 000 rows stream out in a second, and nothing in
 * them carries a creation time, an author or a random id (the libraries add all three).
 */
import { chunkKey, chunksOf } from './chunkCache';
import { deterministicZip, type CachedPiece, type ZipData } from './zip';

/** XML text escape; also drops characters XML 1.0 forbids (a stray control byte would corrupt the file). */
export function xml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return (
    String(value)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function column(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  widths: number[];
}

/** The worksheet XML in pieces, so 100 000 rows never become one string: the rows go in chunks
 *  cached by their content and position (a row's number is in its XML), so an unchanged chunk is
 *  not rendered or compressed again. */
function* sheetXml(sheet: Sheet): Generator<string | CachedPiece> {
  const refs = sheet.header.map((_, c) => column(c));
  const row = (cells: (string | number | null)[], r: number, style: number): string => {
    let out = `<row r="${r}">`;
    for (let c = 0; c < cells.length; c += 1) {
      const v = cells[c];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${refs[c] ?? column(c)}${r}`;
      if (typeof v === 'number') out += `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
      else out += `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
    }
    return out + '</row>';
  };
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`;
  yield row(sheet.header, 1, 1);
  for (const chunk of chunksOf(sheet.rows)) {
    yield {
      cacheKey: chunkKey('xlsx-rows', refs, chunk.start, chunk.rows),
      render: () => chunk.rows.map((r, i) => row(r, chunk.start + i + 2, 2)).join(''),
    };
  }
  yield `</sheetData><autoFilter ref="A1:${column(sheet.header.length - 1)}${sheet.rows.length + 1}"/></worksheet>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf fontId="1" borderId="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf><xf borderId="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>`;

export function xlsx(sheets: Sheet[], mtimeIso: string): Promise<Uint8Array> {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries: [string, ZipData][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets>${sheets
        .map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets><definedNames>${sheets
        .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xml(s.name)}'!$A$1:$${column(s.header.length - 1)}$${s.rows.length + 1}</definedName>`)
        .join('')}</definedNames></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${ns}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
    ...sheets.map((s, i): [string, ZipData] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return deterministicZip(entries, mtimeIso);
}

export interface DocxTable {
  title: string;
  subtitle: string;
  header: string[];
  /** Relative column widths. */
  widths: number[];
  rows: (string | number | null)[][];
}

const RUN_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>';

function para(text: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}): string {
  const rpr = `<w:rPr>${RUN_FONT}${opts.bold ? '<w:b/>' : ''}<w:sz w:val="${opts.size ?? 22}"/></w:rPr>`;
  return `<w:p><w:pPr>${opts.center ? '<w:jc w:val="center"/>' : ''}<w:spacing w:after="60"/></w:pPr><w:r>${rpr}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

/** Table cells take their font, size and spacing from the document defaults (styles.xml) rather
 *  than repeating them in every run: a third of the XML for 100 000 rows. */
const DOCX_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>${RUN_FONT}<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>`;

/** A landscape A4 document holding one table whose header row repeats on every page. */
export function docx(table: DocxTable, mtimeIso: string): Promise<Uint8Array> {
  const usable = 15398 - 2 * 850; // twips: A4 landscape width minus margins
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / total) * usable));
  const cellOpen = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr><w:p><w:r>`);
  const cell = (text: string | number | null, i: number, bold: boolean) =>
    `${cellOpen[i]}${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text === null ? '' : String(text))}</w:t></w:r></w:p></w:tc>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  function* document(): Generator<string | CachedPiece> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para(table.title, { bold: true, center: true, size: 28 })}${para(table.subtitle, { center: true })}<w:tbl><w:tblPr><w:tblW w:w="${usable}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths
      .map((w) => `<w:gridCol w:w="${w}"/>`)
      .join('')}</w:tblGrid>`;
    yield `<w:tr><w:trPr><w:tblHeader/></w:trPr>${table.header.map((h, i) => cell(h, i, true)).join('')}</w:tr>`;
    const rowXml = (r: (string | number | null)[]) => {
      let row = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
      for (let i = 0; i < r.length; i += 1) row += cell(r[i]!, i, false);
      return row + '</w:tr>';
    };
    // Rows in chunks cached by their content and the column widths (chunkCache.ts).
    for (const chunk of chunksOf(table.rows)) yield { cacheKey: chunkKey('docx-rows', widths, chunk.rows), render: () => chunk.rows.map(rowXml).join('') };
    yield `</w:tbl><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850" w:header="425" w:footer="425" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  }
  const entries: [string, ZipData][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
    ['word/document.xml', document()],
    ['word/styles.xml', DOCX_STYLES],
  ];
  return deterministicZip(entries, mtimeIso);
}
