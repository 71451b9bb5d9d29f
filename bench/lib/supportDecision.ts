/**
 * A support-payment decision of a district People's Committee with its list of beneficiaries
 * (name, year of birth, CCCD number, place of residence, amount): the document partial disclosure
 * is for — public in substance (Law 104/2016 Art. 17 cl. 1 point e), full of personal data.
 * Generated as a born-digital PDF (Decree 30 layout, Liberation Serif, one text item per table
 * cell) and as a scan of it (pages rendered at 200–300 dpi, slightly tilted and blurred, JPEG in a
 * PDF). Seeded: every run makes the same document. Used by the redaction tests, the e2e spec and
 * `npm run bench:redaction`.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { rasterisePdfPage } from '../../electron/engine/pdf/pdfDocument';
import { resourcePath } from '../../electron/engine/resourcesDir';
import { seededRandom } from './vietnameseDocuments';

export interface Beneficiary {
  name: string;
  born: string;
  cccd: string;
  address: string;
  amount: string;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Thạch'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hoàng', 'Ngọc', 'Quốc', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hạnh', 'Hoa', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quyên', 'Sơn', 'Tâm', 'Thảo', 'Tuấn', 'Út', 'Vinh', 'Xuân', 'Yến'];
const HAMLETS = ['ấp Phú Hòa', 'ấp Long Trị', 'ấp Tân Lập', 'ấp Hòa Thuận', 'ấp Bưng Tróp', 'ấp Xóm Chòi'];
const COMMUNES = ['xã An Ninh', 'xã Phú Tâm', 'xã Thuận Hòa', 'xã Hồ Đắc Kiện'];

/** Distinct beneficiaries, the same for the same seed. */
export function beneficiaries(count: number, seed = 14): Beneficiary[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const names = new Set<string>();
  const out: Beneficiary[] = [];
  while (out.length < count) {
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    if (names.has(name)) continue;
    names.add(name);
    const born = String(1940 + Math.floor(random() * 60));
    const cccd = `0940${born.slice(2)}${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}`;
    const amount = `${(5 + Math.floor(random() * 11)) * 1}.000.000`;
    out.push({ name, born, cccd, address: `${pick(HAMLETS)}, ${pick(COMMUNES)}`, amount });
  }
  return out;
}

const SIZE = 12;
const A4: [number, number] = [595, 842];

function centred(page: PDFPage, font: PDFFont, text: string, x0: number, x1: number, y: number, size = SIZE): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: x0 + Math.max(0, (x1 - x0 - width) / 2), y, size, font });
}

/** Column left edges and widths of the list (points). */
const COLUMNS = [
  { x: 40, w: 28, head: 'STT' },
  { x: 68, w: 130, head: 'Họ và tên' },
  { x: 198, w: 52, head: 'Năm sinh' },
  { x: 250, w: 92, head: 'Số CCCD' },
  { x: 342, w: 158, head: 'Nơi cư trú' },
  { x: 500, w: 60, head: 'Số tiền (đồng)' },
] as const;
const ROW = 22;

function decisionPage(doc: PDFDocument, font: PDFFont, count: number, number: string): void {
  const page = doc.addPage(A4);
  centred(page, font, 'ỦY BAN NHÂN DÂN', 40, 270, 800);
  centred(page, font, 'HUYỆN CHÂU THÀNH', 40, 270, 784);
  centred(page, font, `Số: ${number}`, 40, 270, 760);
  centred(page, font, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 270, 560, 800);
  centred(page, font, 'Độc lập - Tự do - Hạnh phúc', 270, 560, 784);
  centred(page, font, 'Châu Thành, ngày 15 tháng 10 năm 2025', 270, 560, 760, 11);
  centred(page, font, 'QUYẾT ĐỊNH', 60, 540, 720, 14);
  centred(page, font, 'Về việc hỗ trợ kinh phí khắc phục thiệt hại do thiên tai', 60, 540, 702);
  centred(page, font, 'cho các hộ gia đình trên địa bàn huyện', 60, 540, 686);
  centred(page, font, 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH', 60, 540, 656);
  const body = [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Căn cứ Nghị định số 20/2021/NĐ-CP ngày 15 tháng 3 năm 2021 của Chính phủ quy định',
    'chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội;',
    'Xét đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội huyện.',
  ];
  body.forEach((line, i) => page.drawText(line, { x: 60, y: 626 - i * 17, size: SIZE, font }));
  centred(page, font, 'QUYẾT ĐỊNH:', 60, 540, 548);
  const articles = [
    `Điều 1. Hỗ trợ kinh phí khắc phục thiệt hại do bão số 3 cho ${count} hộ gia đình`,
    'có tên trong danh sách kèm theo Quyết định này, từ nguồn kinh phí dự phòng ngân sách huyện.',
    'Điều 2. Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Ủy ban nhân dân các xã',
    'chi trả kịp thời, đúng đối tượng và công khai tại trụ sở Ủy ban nhân dân xã.',
    'Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng',
    'Lao động - Thương binh và Xã hội và các cơ quan có liên quan chịu trách nhiệm thi hành.',
  ];
  articles.forEach((line, i) => page.drawText(line, { x: 60, y: 520 - i * 17, size: SIZE, font }));
  page.drawText('Nơi nhận:', { x: 40, y: 390, size: 11, font });
  page.drawText('- Như Điều 3;', { x: 40, y: 376, size: 10, font });
  page.drawText('- Lưu: VT.', { x: 40, y: 363, size: 10, font });
  centred(page, font, 'CHỦ TỊCH', 300, 540, 390);
  centred(page, font, 'Trần Văn Ký', 300, 540, 320);
}

function listPage(doc: PDFDocument, font: PDFFont, rows: Beneficiary[], first: number, number: string, heading: boolean): void {
  const page = doc.addPage(A4);
  let y = 800;
  if (heading) {
    centred(page, font, 'DANH SÁCH CÁC HỘ GIA ĐÌNH ĐƯỢC HỖ TRỢ', 40, 560, y, 13);
    centred(page, font, `(Kèm theo Quyết định số ${number} ngày 15/10/2025 của Chủ tịch UBND huyện)`, 40, 560, y - 16, 10);
    y -= 44;
  }
  const line = (x1: number, y1: number, x2: number, y2: number) => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.6, color: rgb(0, 0, 0) });
  const top = y + 14;
  const cells = [COLUMNS.map((c) => c.head), ...rows.map((b, i) => [String(first + i), b.name, b.born, b.cccd, b.address, b.amount])];
  cells.forEach((row, r) => {
    const baseline = top - (r + 1) * ROW + 7;
    row.forEach((text, c) => {
      const col = COLUMNS[c]!;
      const size = c === 4 || r === 0 ? 9.5 : 10.5;
      page.drawText(text, { x: col.x + 3, y: baseline, size, font });
    });
  });
  const bottom = top - cells.length * ROW;
  for (let r = 0; r <= cells.length; r += 1) line(40, top - r * ROW, 560, top - r * ROW);
  for (const c of [...COLUMNS.map((x) => x.x), 560]) line(c, top, c, bottom);
}

/** The decision (page 1) and its list of `people` (14 or 20 rows a page). */
export async function supportDecisionPdf(people: Beneficiary[], options: { number?: string; rowsPerPage?: number } = {}): Promise<Uint8Array> {
  const number = options.number ?? '1534/QĐ-UBND';
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(resourcePath('fonts', 'LiberationSerif-Regular.ttf')), { subset: true });
  decisionPage(doc, font, people.length, number);
  const perPage = options.rowsPerPage ?? 20;
  for (let i = 0; i < people.length; i += perPage) listPage(doc, font, people.slice(i, i + perPage), i + 1, number, i === 0);
  return doc.save();
}

/** The same pages scanned: rendered at `dpi`, tilted a little, blurred, JPEG in a PDF. */
export async function scannedPdf(bornDigital: Uint8Array, options: { dpi?: number; seed?: number } = {}): Promise<Uint8Array> {
  const random = seededRandom(options.seed ?? 7);
  const doc = await PDFDocument.create();
  const pages = (await PDFDocument.load(bornDigital)).getPageCount();
  for (let n = 1; n <= pages; n += 1) {
    const raster = await rasterisePdfPage(bornDigital, n, options.dpi ?? 250);
    const jpeg = await sharp(raster.png)
      .rotate((random() - 0.5) * 0.8, { background: '#ffffff' })
      .blur(0.4 + random() * 0.3)
      .greyscale()
      .jpeg({ quality: 60 })
      .toBuffer();
    const page = doc.addPage(A4);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return doc.save();
}
