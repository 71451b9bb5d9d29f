/**
 * Documents the law does not list by name but an agency decides the same way every time — what
 * its own decisions teach the model: leaders' weekly schedules and holiday notices (published of
 * the agency's own motion, Art. 17 cl. 2), information-security instructions (guidance, point b),
 * and invitations to the agency's own meetings (internal meetings, Art. 6 cl. 2).
 */
import type { OwnDocument } from './types';

const VP = (name: string) => ({ lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name, title: 'Chánh Văn phòng' });
const UBND = (unit: string) => ['ỦY BAN NHÂN DÂN', unit];

const schedule = (id: string, unit: string, issuerName: string, place: string, number: string, date: string, week: string, items: string[], signer: string): OwnDocument => ({
  id, issuer: UBND(unit), issuerName, number, notation: 'LCT-UBND', place, date, type: 'Lịch công tác', title: 'LỊCH CÔNG TÁC',
  subject: [`Của Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân (${week})`],
  body: ['Văn phòng thông báo lịch làm việc của lãnh đạo như sau:', ...items, 'Lịch có thể thay đổi; các cơ quan theo dõi trên Trang thông tin điện tử.'],
  recipients: ['Lãnh đạo UBND;', 'Các phòng, ban;', 'Lưu: VT.'], sign: VP(signer), access: 'public', basis: 'Điều 17 khoản 2',
});

const holiday = (id: string, issuer: string[], issuerName: string, place: string, number: string, notation: string, date: string, occasion: string, days: string, signer: { lines: string[]; name: string; title: string }): OwnDocument => ({
  id, issuer, issuerName, number, notation, place, date, type: 'Thông báo', title: 'THÔNG BÁO', subject: [`Nghỉ ${occasion}`],
  body: [`Thực hiện thông báo của Bộ Nội vụ về việc nghỉ ${occasion}, cơ quan thông báo:`, `Cán bộ, công chức, viên chức được nghỉ ${days}.`, 'Bộ phận tiếp nhận và trả kết quả bố trí trực để giải quyết công việc khẩn.'],
  recipients: ['Các phòng chuyên môn;', 'Lưu: VT.'], sign: signer, access: 'public', basis: 'Điều 17 khoản 2',
});

const security = (id: string, issuer: string[], issuerName: string, place: string, number: string, notation: string, date: string, subject: string[], body: string[], signer: { lines: string[]; name: string; title: string }): OwnDocument => ({
  id, issuer, issuerName, number, notation, place, date, type: 'Công văn', subject, to: 'Kính gửi: Các phòng, ban, đơn vị trực thuộc.',
  body, recipients: ['Như trên;', 'Lưu: VT.'], sign: signer, access: 'public', basis: 'Điều 17 khoản 1 điểm b',
});

const invitation = (id: string, issuer: string[], issuerName: string, place: string, number: string, date: string, subject: string, body: string[], signer: { lines: string[]; name: string; title: string }): OwnDocument => ({
  id, issuer, issuerName, number, notation: 'GM-UBND', place, date, type: 'Giấy mời', title: 'GIẤY MỜI', subject: [subject],
  body, recipients: ['Như thành phần mời;', 'Lưu: VT.'], sign: signer, access: 'secret', basis: 'Điều 6 khoản 2',
});

export const PRACTICE_DOCUMENTS: OwnDocument[] = [
  schedule('o48', 'HUYỆN CHÂU THÀNH', 'Ủy ban nhân dân huyện Châu Thành', 'Châu Thành', '12', '2024-03-08', 'từ ngày 11 đến ngày 15 tháng 3 năm 2024',
    ['Thứ Hai: Chủ tịch dự giao ban Thường trực Huyện ủy; Phó Chủ tịch Trần Văn Bảy làm việc tại xã Tân Phú.', 'Thứ Tư: Chủ tịch tiếp công dân định kỳ.', 'Thứ Sáu: Phó Chủ tịch Lê Thị Mai dự hội nghị tại tỉnh.'], 'Đặng Quốc Hưng'),
  schedule('o49', 'THỊ XÃ BÌNH MINH', 'Ủy ban nhân dân thị xã Bình Minh', 'Bình Minh', '27', '2024-06-14', 'từ ngày 17 đến ngày 21 tháng 6 năm 2024',
    ['Thứ Ba: Chủ tịch kiểm tra tiến độ công trình trường học phường Cái Vồn.', 'Thứ Năm: Phó Chủ tịch Nguyễn Văn Sáu chủ trì làm việc với các phòng chuyên môn.'], 'Võ Thị Ngọc Hân'),
  schedule('o50', 'HUYỆN KẾ SÁCH', 'Ủy ban nhân dân huyện Kế Sách', 'Kế Sách', '41', '2024-10-04', 'từ ngày 07 đến ngày 11 tháng 10 năm 2024',
    ['Thứ Hai: Chủ tịch dự chào cờ, làm việc tại cơ quan.', 'Thứ Tư: Phó Chủ tịch Huỳnh Văn Tài đi cơ sở xã An Lạc Tây.', 'Thứ Sáu: Lãnh đạo Ủy ban nhân dân huyện dự họp trực tuyến với tỉnh.'], 'Lâm Thị Thu'),
  schedule('o51', 'HUYỆN TIỂU CẦN', 'Ủy ban nhân dân huyện Tiểu Cần', 'Tiểu Cần', '48', '2024-11-29', 'từ ngày 02 đến ngày 06 tháng 12 năm 2024',
    ['Thứ Hai: Chủ tịch làm việc với Ban Quản lý dự án huyện.', 'Thứ Năm: Phó Chủ tịch Kim Văn Sơn dự lễ hội Ok Om Bok tại xã Hiếu Tử.'], 'Thạch Minh Trí'),
  holiday('o52', ['UBND TỈNH VĨNH LONG', 'SỞ TƯ PHÁP'], 'Sở Tư pháp tỉnh Vĩnh Long', 'Vĩnh Long', '115', 'TB-STP', '2024-01-29', 'Tết Nguyên đán Giáp Thìn năm 2024', '07 ngày, từ ngày 08 đến hết ngày 14 tháng 02 năm 2024', { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Phan Thị Diệu', title: 'Phó Giám đốc' }),
  holiday('o53', UBND('HUYỆN MỸ TÚ'), 'Ủy ban nhân dân huyện Mỹ Tú', 'Mỹ Tú', '62', 'TB-UBND', '2024-04-19', 'lễ Giỗ Tổ Hùng Vương, ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '05 ngày, từ ngày 27 tháng 4 đến hết ngày 01 tháng 5 năm 2024', { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Trịnh Văn Nam', title: 'Chánh Văn phòng' }),
  holiday('o54', ['UBND TỈNH BẠC LIÊU', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'], 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bạc Liêu', 'Bạc Liêu', '88', 'TB-SVHTTDL', '2024-08-26', 'lễ Quốc khánh 02 tháng 9 năm 2024', '04 ngày, từ ngày 31 tháng 8 đến hết ngày 03 tháng 9 năm 2024', { lines: ['GIÁM ĐỐC'], name: 'Lê Thị Ái Nam', title: 'Giám đốc' }),
  holiday('o55', UBND('THÀNH PHỐ SA ĐÉC'), 'Ủy ban nhân dân thành phố Sa Đéc', 'Sa Đéc', '09', 'TB-UBND', '2024-12-20', 'Tết Dương lịch năm 2025', '01 ngày, ngày 01 tháng 01 năm 2025', { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Nguyễn Thị Tuyết', title: 'Chánh Văn phòng' }),
  security('o56', ['UBND TỈNH AN GIANG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], 'Sở Thông tin và Truyền thông tỉnh An Giang', 'An Giang', '1120', 'STTTT-CNTT', '2024-05-06', ['V/v cảnh giác với thư điện tử giả mạo', 'và mã độc tống tiền'],
    ['Thời gian gần đây xuất hiện nhiều thư điện tử giả mạo cơ quan nhà nước kèm tệp đính kèm chứa mã độc.', 'Đề nghị cán bộ, công chức không mở tệp đính kèm lạ, cập nhật phần mềm diệt virus và sao lưu dữ liệu định kỳ.'], { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Thanh Hùng', title: 'Phó Giám đốc' }),
  security('o57', UBND('HUYỆN LONG MỸ'), 'Ủy ban nhân dân huyện Long Mỹ', 'Long Mỹ', '845', 'UBND-VP', '2024-09-12', ['V/v bảo đảm an toàn hệ thống thông tin', 'và thay đổi mật khẩu tài khoản công vụ'],
    ['Để phòng ngừa tấn công mạng, Ủy ban nhân dân huyện yêu cầu các cơ quan rà soát máy trạm, gỡ bỏ phần mềm không rõ nguồn gốc.', 'Mật khẩu tài khoản hệ thống quản lý văn bản phải được thay đổi 3 tháng một lần, tối thiểu 10 ký tự.'], { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Hoàng Vũ', title: 'Phó Chủ tịch' }),
  security('o58', ['UBND TỈNH TRÀ VINH', 'SỞ NỘI VỤ'], 'Sở Nội vụ tỉnh Trà Vinh', 'Trà Vinh', '702', 'SNV-VP', '2024-10-21', ['V/v sử dụng chữ ký số và sao lưu dữ liệu', 'trên máy tính cơ quan'],
    ['Cán bộ, công chức sử dụng chữ ký số chuyên dùng khi phát hành văn bản điện tử, không cho người khác mượn thiết bị ký số.', 'Dữ liệu công việc lưu trên máy chủ của cơ quan, không lưu trên dịch vụ lưu trữ miễn phí bên ngoài.'], { lines: ['GIÁM ĐỐC'], name: 'Sơn Thị Ánh Hồng', title: 'Giám đốc' }),
  invitation('o59', UBND('HUYỆN CHÂU PHÚ'), 'Ủy ban nhân dân huyện Châu Phú', 'Châu Phú', '156', '2024-07-17', 'Họp rà soát tiến độ giải ngân vốn đầu tư công năm 2024',
    ['Ủy ban nhân dân huyện trân trọng kính mời Trưởng các phòng Tài chính - Kế hoạch, Kinh tế và Hạ tầng, Giám đốc Ban Quản lý dự án huyện dự họp.', 'Thời gian: 14 giờ ngày 19 tháng 7 năm 2024, tại phòng họp số 2 Ủy ban nhân dân huyện.'], { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Huỳnh Văn Phúc', title: 'Chánh Văn phòng' }),
  invitation('o60', UBND('THỊ XÃ VĨNH CHÂU'), 'Ủy ban nhân dân thị xã Vĩnh Châu', 'Vĩnh Châu', '73', '2024-09-03', 'Họp Thường trực Ủy ban nhân dân thị xã tháng 9',
    ['Kính mời các đồng chí Thường trực Ủy ban nhân dân thị xã và Chánh Văn phòng dự họp xem xét các tờ trình của các phòng.', 'Thời gian: 8 giờ ngày 05 tháng 9 năm 2024, tại phòng họp Ủy ban nhân dân thị xã.'], { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Lý Thị Hồng Nhung', title: 'Chánh Văn phòng' }),
  invitation('o61', UBND('HUYỆN THẠNH TRỊ'), 'Ủy ban nhân dân huyện Thạnh Trị', 'Thạnh Trị', '201', '2024-11-07', 'Họp bàn phương án sắp xếp các trường tiểu học',
    ['Kính mời Trưởng phòng Giáo dục và Đào tạo, Trưởng phòng Nội vụ và Hiệu trưởng các trường liên quan dự họp.', 'Thời gian: 7 giờ 30 ngày 11 tháng 11 năm 2024, tại hội trường Ủy ban nhân dân huyện.'], { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Tô Văn Lợi', title: 'Chánh Văn phòng' }),
];
