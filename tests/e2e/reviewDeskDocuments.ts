/**
 * 30 born-digital Vietnamese administrative documents for the review-desk walk, written with
 * pdf-lib in well under a second (no OCR): stamped MẬT ones (secret), lists naming private people
 * with their CCCD numbers (conditional, five of them near-identical copies of one decision for a
 * group review), procedures and budget documents (public), and one invitation with no signal at
 * all ("needs review": its basis must be picked by typing).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';

interface Spec {
  file: string;
  type: string;
  number: string;
  subject: string;
  body: string[];
  stamp?: string;
}

const ISSUER = ['ỦY BAN NHÂN DÂN', 'HUYỆN MỸ LỘC'];
const PEOPLE = [
  ['Nguyễn Văn An', '036085001234', '0912 345 678'],
  ['Trần Thị Bích', '036190004321', '0987 654 321'],
  ['Lê Văn Cường', '036078009876', '0903 111 222'],
  ['Phạm Thị Dung', '036192005555', '0934 222 333'],
  ['Hoàng Văn Em', '036080007777', '0945 333 444'],
];

function specs(): Spec[] {
  const out: Spec[] = [];
  // 5 near-identical decisions naming a private person (group review).
  PEOPLE.forEach(([name, cccd, phone], i) => {
    out.push({
      file: `ho-tro-${i + 1}.pdf`,
      type: 'QUYẾT ĐỊNH',
      number: `${101 + i}/QĐ-UBND`,
      subject: `Về việc hỗ trợ khó khăn đột xuất cho hộ ông ${name}`,
      body: [
        `Điều 1. Hỗ trợ khó khăn đột xuất cho ông ${name}, sinh ngày 12/05/1975,`,
        `số căn cước công dân ${cccd}, số điện thoại ${phone},`,
        'trú tại thôn Đông, xã Mỹ Hà, huyện Mỹ Lộc, số tiền 5.000.000 đồng.',
        'Điều 2. Chánh Văn phòng và các cơ quan liên quan chịu trách nhiệm thi hành.',
      ],
    });
  });
  // 6 stamped MẬT.
  for (let i = 0; i < 6; i += 1) {
    out.push({
      file: `mat-${i + 1}.pdf`,
      type: 'CÔNG VĂN',
      number: `${201 + i}/UBND-NC`,
      subject: `V/v phương án bảo đảm an ninh trật tự đợt ${i + 1}`,
      stamp: 'MẬT',
      body: [
        'Ủy ban nhân dân huyện đề nghị Công an huyện triển khai phương án bảo đảm an ninh',
        'trật tự tại các khu vực trọng điểm theo kế hoạch đã thống nhất.',
      ],
    });
  }
  // 8 lists of social-assistance recipients (conditional).
  for (let i = 0; i < 8; i += 1) {
    const [name, cccd] = PEOPLE[i % PEOPLE.length]!;
    out.push({
      file: `tro-cap-${i + 1}.pdf`,
      type: 'QUYẾT ĐỊNH',
      number: `${301 + i}/QĐ-UBND`,
      subject: `Về việc trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội xã ${['Mỹ Hà', 'Mỹ Thành', 'Mỹ Tiến', 'Mỹ Thuận'][i % 4]}`,
      body: [
        'Điều 1. Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội có tên sau:',
        `Bà ${name}, ngày sinh 01/03/1950, số CCCD ${cccd}, người cao tuổi, mức 360.000 đồng.`,
        'Điều 2. Nguồn kinh phí chi trả từ ngân sách nhà nước theo phân cấp hiện hành.',
      ],
    });
  }
  // 6 administrative procedures and budget documents (public).
  for (let i = 0; i < 3; i += 1) {
    out.push({
      file: `thu-tuc-${i + 1}.pdf`,
      type: 'QUYẾT ĐỊNH',
      number: `${401 + i}/QĐ-UBND`,
      subject: `Về việc công bố danh mục thủ tục hành chính lĩnh vực ${['hộ tịch', 'đất đai', 'xây dựng'][i]}`,
      body: [
        'Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính được chuẩn hóa',
        'thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp huyện, cấp xã.',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      ],
    });
    out.push({
      file: `du-toan-${i + 1}.pdf`,
      type: 'QUYẾT ĐỊNH',
      number: `${501 + i}/QĐ-UBND`,
      subject: `Về việc công khai dự toán ngân sách nhà nước năm ${2024 + i}`,
      body: [
        `Điều 1. Công bố công khai số liệu dự toán ngân sách nhà nước năm ${2024 + i} của huyện`,
        '(theo các biểu kèm theo).',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      ],
    });
  }
  // 4 plans and guidance (public).
  for (let i = 0; i < 4; i += 1) {
    out.push({
      file: `ke-hoach-${i + 1}.pdf`,
      type: 'KẾ HOẠCH',
      number: `${601 + i}/KH-UBND`,
      subject: `Kế hoạch cải cách hành chính năm ${2022 + i}`,
      body: [
        `Thực hiện Chương trình tổng thể cải cách hành chính nhà nước, Ủy ban nhân dân huyện`,
        `ban hành Kế hoạch cải cách hành chính năm ${2022 + i} với các nội dung sau.`,
        'I. MỤC ĐÍCH, YÊU CẦU. II. NHIỆM VỤ TRỌNG TÂM. III. TỔ CHỨC THỰC HIỆN.',
      ],
    });
  }
  // 1 with no signal: needs review.
  out.push({
    file: `giay-moi.pdf`,
    type: 'GIẤY MỜI',
    number: '701/GM-UBND',
    subject: 'Dự buổi làm việc với đoàn công tác',
    body: ['Ủy ban nhân dân huyện trân trọng kính mời đồng chí đến dự buổi làm việc.', 'Thời gian: 8 giờ 00.'],
  });
  return out;
}

async function writePdf(spec: Spec, font: Uint8Array, file: string): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const serif = await pdf.embedFont(font, { subset: true });
  const page = pdf.addPage([595, 842]);
  let y = 800;
  const line = (text: string, x = 60, size = 12) => {
    page.drawText(text, { x, y, size, font: serif, color: rgb(0, 0, 0) });
    y -= size + 8;
  };
  if (spec.stamp) page.drawText(spec.stamp, { x: 80, y: 815, size: 16, font: serif, color: rgb(0.8, 0, 0) });
  line(ISSUER[0]!, 60);
  line(ISSUER[1]!, 75);
  line(`Số: ${spec.number}`, 60);
  y += 60;
  line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300);
  line('Độc lập - Tự do - Hạnh phúc', 340);
  line('Mỹ Lộc, ngày 05 tháng 3 năm 2025', 320);
  y -= 20;
  line(spec.type, 250, 14);
  line(spec.subject, 80);
  y -= 10;
  for (const b of spec.body) line(b, 60, 11);
  y -= 30;
  line('CHỦ TỊCH', 380);
  y -= 40;
  line('Trần Văn Quang', 370);
  pdf.setTitle(spec.subject);
  writeFileSync(file, await pdf.save({ useObjectStreams: false }));
}

/** Writes the 30 documents into `dir`; returns their file names. */
export async function writeReviewDeskDocuments(dir: string, fontFile: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const font = readFileSync(fontFile);
  const all = specs();
  for (const s of all) await writePdf(s, font, path.join(dir, s.file));
  return all.map((s) => s.file);
}
