/**
 * Synthetic but realistic Vietnamese administrative documents for benchmarks: Decree 30 header,
 * subject, body paragraphs built from the vocabulary of real công văn, quyết định and báo cáo.
 * Seeded, so every run measures the same archive.
 */

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISSUERS = [
  ['ỦY BAN NHÂN DÂN', 'TỈNH SÓC TRĂNG', 'Ủy ban nhân dân tỉnh Sóc Trăng', 'UBND'],
  ['ỦY BAN NHÂN DÂN', 'HUYỆN MỸ XUYÊN', 'Ủy ban nhân dân huyện Mỹ Xuyên', 'UBND'],
  ['ỦY BAN NHÂN DÂN', 'HUYỆN CHÂU THÀNH', 'Ủy ban nhân dân huyện Châu Thành', 'UBND'],
  ['UBND TỈNH SÓC TRĂNG', 'SỞ TÀI CHÍNH', 'Sở Tài chính tỉnh Sóc Trăng', 'STC'],
  ['UBND TỈNH SÓC TRĂNG', 'SỞ TƯ PHÁP', 'Sở Tư pháp tỉnh Sóc Trăng', 'STP'],
  ['UBND TỈNH SÓC TRĂNG', 'SỞ NỘI VỤ', 'Sở Nội vụ tỉnh Sóc Trăng', 'SNV'],
  ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ CẦN THƠ', 'Ủy ban nhân dân thành phố Cần Thơ', 'UBND'],
  ['ỦY BAN NHÂN DÂN', 'XÃ THAM ĐÔN', 'Ủy ban nhân dân xã Tham Đôn', 'UBND'],
] as const;

const TYPES = [
  ['Công văn', null],
  ['Quyết định', 'QĐ'],
  ['Kế hoạch', 'KH'],
  ['Báo cáo', 'BC'],
  ['Thông báo', 'TB'],
  ['Tờ trình', 'TTr'],
  ['Giấy mời', 'GM'],
  ['Biên bản', 'BB'],
] as const;

const PLACES = ['Sóc Trăng', 'Mỹ Xuyên', 'Châu Thành', 'Cần Thơ', 'Tham Đôn', 'Long Phú', 'Trần Đề', 'Kế Sách'];

const SUBJECTS = [
  'niêm yết, công khai thủ tục hành chính tại Bộ phận Tiếp nhận và Trả kết quả',
  'triển khai thực hiện Luật Tiếp cận thông tin trên địa bàn',
  'đôn đốc thực hiện kế hoạch phòng, chống thiên tai năm',
  'phê duyệt dự toán ngân sách nhà nước và phân bổ kinh phí',
  'công bố kết quả lựa chọn nhà thầu gói thầu xây dựng trường học',
  'trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội',
  'tổ chức hội nghị sơ kết công tác cải cách hành chính',
  'quy hoạch sử dụng đất giai đoạn 2021 - 2030',
  'tăng cường công tác phòng cháy, chữa cháy mùa khô',
  'chuyển đổi số trong cơ quan hành chính nhà nước',
  'kiểm tra việc quản lý, sử dụng tài sản công',
  'hỗ trợ hộ nghèo, hộ cận nghèo xây dựng nhà ở',
];

const SENTENCES = [
  'Thực hiện Nghị định số 13/2018/NĐ-CP ngày 23 tháng 01 năm 2018 của Chính phủ quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin',
  'Ủy ban nhân dân đề nghị các cơ quan, đơn vị khẩn trương rà soát, cập nhật danh mục thông tin phải được công khai',
  'Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân theo dõi, đôn đốc, kiểm tra việc thực hiện',
  'Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành',
  'Kinh phí thực hiện được bố trí từ nguồn ngân sách địa phương theo phân cấp hiện hành',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Tư pháp để tổng hợp, báo cáo',
  'Bộ phận Tiếp nhận và Trả kết quả có trách nhiệm hướng dẫn tổ chức, cá nhân thực hiện dịch vụ công trực tuyến',
  'Mật độ dân số trên địa bàn tăng nhanh, đòi hỏi quy hoạch hạ tầng kỹ thuật đồng bộ',
  'Quyết định này có hiệu lực kể từ ngày ký',
  'Tổng dự toán được duyệt là 12.450 triệu đồng, trong đó vốn ngân sách tỉnh 8.000 triệu đồng',
  'Các đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân trước ngày 15 tháng 12',
  'Tăng cường ứng dụng công nghệ thông tin, số hóa hồ sơ, tài liệu lưu trữ',
  'Đẩy mạnh tuyên truyền, phổ biến pháp luật về quyền tiếp cận thông tin của công dân',
  'Bảo đảm an toàn thông tin mạng, không để lộ mật khẩu tài khoản quản trị hệ thống',
];

const SIGNERS = ['Trương Minh Khoa', 'Nguyễn Văn Hùng', 'Lê Thị Thu Hà', 'Trần Quốc Đạt', 'Phạm Thị Ngọc Đào', 'Đặng Văn Đức'];

export interface SyntheticDocument {
  header: {
    numberNotation: string;
    docType: string;
    issuer: string;
    place: string;
    issuedDate: string;
    subject: string;
    signer: string;
  };
  pages: string[];
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function syntheticDocument(random: () => number, index: number): SyntheticDocument {
  const issuer = pick(random, ISSUERS);
  const [docType, code] = pick(random, TYPES);
  const year = 2015 + Math.floor(random() * 12);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const number = 1 + ((index * 7919) % 9000);
  const notation = code ? `${code}-${issuer[3]}` : `${issuer[3]}-VP`;
  const numberNotation = `${number}/${notation}`;
  const subjectCore = `${pick(random, SUBJECTS)} ${year}`;
  const subject = docType === 'Công văn' ? `V/v ${subjectCore}` : `Về việc ${subjectCore}`;
  const place = pick(random, PLACES);
  const signer = pick(random, SIGNERS);
  const pageCount = 1 + Math.floor(random() * 3);
  const pages: string[] = [];
  for (let p = 0; p < pageCount; p += 1) {
    const lines: string[] = [];
    if (p === 0) {
      lines.push(issuer[0], issuer[1], `Số: ${numberNotation}`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc');
      lines.push(`${place}, ngày ${day} tháng ${month} năm ${year}`, docType.toUpperCase(), subject);
    }
    const paragraphs = 6 + Math.floor(random() * 6);
    for (let i = 0; i < paragraphs; i += 1) lines.push(`${pick(random, SENTENCES)}.`);
    if (p === pageCount - 1) lines.push('Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', signer);
    pages.push(lines.join('\n'));
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    header: { numberNotation, docType, issuer: issuer[2], place, issuedDate: iso, subject, signer },
    pages,
  };
}
