/**
 * Secret and conditional documents of the own corpus: state secrets (stamps, a document kept as a
 * classified document), work secrets, internal meetings and internal working documents (Art. 6),
 * business secrets and private persons' data (Art. 7; Decree 356/2025 Art. 3 and 4).
 */
import type { OwnDocument } from './types';

const LUU = ['Như trên;', 'Lưu: VT.'];

export const PROTECTED_DOCUMENTS: OwnDocument[] = [
  // Art. 6 cl. 1 — state secrets
  {
    id: 'o34', issuer: ['ỦY BAN NHÂN DÂN', 'HUYỆN TRI TÔN'], issuerName: 'Ủy ban nhân dân huyện Tri Tôn', number: '25', notation: 'KH-UBND', place: 'Tri Tôn', date: '2024-04-02',
    marks: ['MẬT'], secrecy: 'Mật',
    type: 'Kế hoạch', title: 'KẾ HOẠCH', subject: ['Diễn tập khu vực phòng thủ huyện năm 2024'],
    body: ['I. MỤC ĐÍCH', 'Nâng cao năng lực lãnh đạo, chỉ đạo, điều hành của cấp ủy, chính quyền trong xử lý các tình huống quốc phòng, an ninh.', 'II. THÀNH PHẦN, LỰC LƯỢNG', 'Lực lượng tham gia gồm các đơn vị dân quân cơ động, công an các xã và lực lượng dự bị động viên.'],
    recipients: ['Bộ CHQS tỉnh;', 'Lưu: VT.'], sign: { lines: ['CHỦ TỊCH'], name: 'Cao Văn Tươi', title: 'Chủ tịch' }, access: 'secret', basis: 'Điều 6 khoản 1',
  },
  {
    id: 'o35', issuer: ['CÔNG AN TỈNH KIÊN GIANG', 'PHÒNG AN NINH ĐỐI NỘI'], issuerName: 'Phòng An ninh đối nội Công an tỉnh Kiên Giang', number: '118', notation: 'BC-ANĐN', place: 'Kiên Giang', date: '2024-10-16',
    marks: ['TỐI MẬT'], secrecy: 'Tối mật',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Tình hình an ninh nông thôn quý III năm 2024'],
    body: ['Thực hiện kế hoạch công tác năm 2024, Phòng An ninh đối nội báo cáo:', 'Trong quý, lực lượng nắm tình hình tại 12 địa bàn trọng điểm, phát hiện 3 nhóm hoạt động có dấu hiệu vi phạm.', 'Đề xuất tiếp tục theo dõi, xác minh theo kế hoạch nghiệp vụ.'],
    recipients: ['Ban Giám đốc;', 'Lưu: HS, VT.'], sign: { lines: ['TRƯỞNG PHÒNG'], name: 'Đỗ Minh Khang', title: 'Trưởng phòng' }, access: 'secret', basis: 'Điều 6 khoản 1',
  },
  {
    id: 'o36', issuer: ['BAN CHỈ HUY QUÂN SỰ', 'HUYỆN AN BIÊN'], issuerName: 'Ban Chỉ huy Quân sự huyện An Biên', number: '71', notation: 'PA-BCH', place: 'An Biên', date: '2024-05-09',
    type: 'Phương án', title: 'PHƯƠNG ÁN', subject: ['Bảo vệ mục tiêu trọng điểm trên địa bàn huyện'],
    body: ['1. Danh mục mục tiêu: trạm biến áp 110 kV, kho xăng dầu và cầu Xẻo Nhàu.', '2. Lực lượng, phương tiện bảo vệ từng mục tiêu theo phụ lục.', 'Phương án này được quản lý theo chế độ tài liệu mật, không sao chụp, không đưa lên mạng.'],
    recipients: ['Bộ CHQS tỉnh;', 'Lưu: VT.'], sign: { lines: ['CHỈ HUY TRƯỞNG'], name: 'Lê Quang Vinh', title: 'Chỉ huy trưởng' }, access: 'secret', basis: 'Điều 6 khoản 1',
  },
  // Art. 6 cl. 2 — work secrets, internal meetings, internal working documents
  {
    id: 'o37', issuer: ['UBND TỈNH AN GIANG', 'SỞ DU LỊCH'], issuerName: 'Sở Du lịch tỉnh An Giang', number: '09', notation: 'ĐA-SDL', place: 'An Giang', date: '2024-08-01',
    marks: ['DỰ THẢO', 'TÀI LIỆU PHỤC VỤ HỌP - KHÔNG PHỔ BIẾN'],
    type: 'Đề án', title: 'ĐỀ ÁN', subject: ['Phát triển du lịch cộng đồng vùng Bảy Núi', 'giai đoạn 2025 - 2030'],
    body: ['I. SỰ CẦN THIẾT', 'Du lịch cộng đồng vùng Bảy Núi có tiềm năng nhưng sản phẩm còn đơn điệu.', 'II. MỤC TIÊU', 'Đến năm 2030 thu hút 2 triệu lượt khách, hình thành 10 điểm du lịch cộng đồng.'],
    recipients: ['Thành viên UBND tỉnh (để cho ý kiến);', 'Lưu: VT.'], sign: { lines: ['GIÁM ĐỐC'], name: 'Nguyễn Minh Thư', title: 'Giám đốc' }, access: 'secret', basis: 'Điều 6 khoản 2',
  },
  {
    id: 'o38', issuer: ['ỦY BAN NHÂN DÂN', 'HUYỆN VŨNG LIÊM'], issuerName: 'Ủy ban nhân dân huyện Vũng Liêm', number: '12', notation: 'BB-UBND', place: 'Vũng Liêm', date: '2024-03-19',
    type: 'Biên bản', title: 'BIÊN BẢN', subject: ['Họp Thường trực Ủy ban nhân dân huyện'],
    body: ['Thời gian: 08 giờ 00 ngày 19 tháng 3 năm 2024. Địa điểm: phòng họp Ủy ban nhân dân huyện.', 'Chủ trì: đồng chí Chủ tịch Ủy ban nhân dân huyện. Thư ký: Phó Chánh Văn phòng.', 'I. Ý KIẾN THẢO LUẬN', 'Phòng Tài chính - Kế hoạch đề nghị điều chỉnh vốn hai công trình chậm tiến độ; Phòng Tài nguyên và Môi trường chưa thống nhất phương án xử lý đất công.', 'II. KẾT LUẬN', 'Giao các phòng hoàn chỉnh hồ sơ, báo cáo lại trong tuần sau.'],
    recipients: ['Thành viên dự họp;', 'Lưu: VT.'], sign: { lines: ['CHỦ TRÌ', 'CHỦ TỊCH'], name: 'Lê Hoàng Đức', title: 'Chủ tịch' }, access: 'secret', basis: 'Điều 6 khoản 2',
  },
  {
    id: 'o39', issuer: ['UBND TỈNH TRÀ VINH', 'SỞ NỘI VỤ'], issuerName: 'Sở Nội vụ tỉnh Trà Vinh', number: '640', notation: 'SNV-TCBM', place: 'Trà Vinh', date: '2024-09-25',
    type: 'Công văn', subject: ['V/v dự kiến phương án sắp xếp tổ chức bộ máy'], to: 'Kính gửi: Giám đốc các sở, ban, ngành tỉnh.',
    body: ['Sở Nội vụ gửi dự kiến phương án sắp xếp các phòng chuyên môn để các cơ quan nghiên cứu, cho ý kiến.', 'Nội dung phương án thuộc bí mật công tác, đề nghị không phổ biến, không cung cấp cho cơ quan báo chí khi chưa được cấp có thẩm quyền quyết định.'],
    recipients: LUU, sign: { lines: ['GIÁM ĐỐC'], name: 'Sơn Thị Ánh Hồng', title: 'Giám đốc' }, access: 'secret', basis: 'Điều 6 khoản 2',
  },
  {
    id: 'o40', issuer: ['UBND THÀNH PHỐ CẦN THƠ', 'SỞ TÀI CHÍNH'], issuerName: 'Sở Tài chính thành phố Cần Thơ', number: '15', notation: 'BC-STC', place: 'Cần Thơ', date: '2024-12-02',
    marks: ['LƯU HÀNH NỘI BỘ'],
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Rà soát dự kiến phương án giá đất làm cơ sở thảo luận'],
    body: ['Thực hiện chỉ đạo của Ủy ban nhân dân thành phố;', 'Tổ công tác liên ngành đã tổng hợp các phương án giá đất do đơn vị tư vấn đề xuất.', 'Báo cáo dùng để trao đổi tại Hội đồng thẩm định giá đất, chưa phải là giá đất chính thức.'],
    recipients: ['Thành viên Hội đồng thẩm định;', 'Lưu: VT.'], sign: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Trần Thị Xuân Mai', title: 'Phó Giám đốc' }, access: 'secret', basis: 'Điều 6 khoản 2',
  },
  {
    id: 'o41', issuer: ['ỦY BAN NHÂN DÂN', 'XÃ LONG ĐIỀN A'], issuerName: 'Ủy ban nhân dân xã Long Điền A', number: '07', notation: 'BB-UBND', place: 'Long Điền A', date: '2024-05-27',
    type: 'Biên bản', title: 'BIÊN BẢN', subject: ['Hội nghị giao ban cán bộ, công chức xã tháng 5'],
    body: ['Thời gian: 14 giờ 00 ngày 27 tháng 5 năm 2024.', 'Hôm nay, lúc 14 giờ, tại hội trường Ủy ban nhân dân xã, tổ chức giao ban công tác tháng 5.', 'Các ý kiến thảo luận tập trung vào tiến độ thu thuế sử dụng đất phi nông nghiệp và công tác chuẩn bị mùa mưa bão.', 'Đồng chí Chủ tịch kết luận, phân công nhiệm vụ cho từng công chức.'],
    recipients: ['Lưu: VT.'], sign: { lines: ['CHỦ TỊCH'], name: 'Nguyễn Văn Tám', title: 'Chủ tịch' }, access: 'secret', basis: 'Điều 6 khoản 2',
  },
  // Art. 7 cl. 1 — business secrets
  {
    id: 'o42', issuer: ['UBND HUYỆN CHÂU THÀNH A', 'BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG'], issuerName: 'Ban Quản lý dự án đầu tư xây dựng huyện Châu Thành A', number: '58', notation: 'BC-BQLDA', place: 'Châu Thành A', date: '2024-08-29',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Đánh giá hồ sơ dự thầu gói thầu số 03'],
    body: ['Căn cứ Luật Đấu thầu và hồ sơ mời thầu đã được phê duyệt;', 'Tổ chuyên gia đã đánh giá hồ sơ của 3 nhà thầu.', 'Liên danh Công ty Cổ phần Xây dựng Phú Thịnh - Công ty TNHH Hòa An: giá dự thầu sau giảm giá 9.874.000.000 đồng, đạt yêu cầu kỹ thuật.', 'Công ty TNHH Tân Hưng: giá dự thầu 10.215.000.000 đồng, không đạt yêu cầu về năng lực tài chính.'],
    recipients: ['Chủ đầu tư;', 'Lưu: VT.'], sign: { lines: ['TỔ TRƯỞNG TỔ CHUYÊN GIA'], name: 'Lý Văn Hưởng', title: 'Tổ trưởng' }, access: 'conditional', basis: 'Điều 7 khoản 1',
  },
  // Art. 7 cl. 2 — private life, personal data
  {
    id: 'o43', issuer: ['ỦY BAN NHÂN DÂN', 'HUYỆN CẦU KÈ'], issuerName: 'Ủy ban nhân dân huyện Cầu Kè', number: '1322', notation: 'QĐ-UBND', place: 'Cầu Kè', date: '2024-10-08',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Về việc giải quyết khiếu nại của bà Thạch Thị Sa Vy', '(lần đầu)'],
    preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ', 'Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;'],
    body: ['Xét đơn khiếu nại của bà Thạch Thị Sa Vy, sinh năm 1976, Căn cước công dân số 084176004512, nơi cư trú: ấp Trà Điêu, xã Hòa Ân, huyện Cầu Kè.', 'QUYẾT ĐỊNH:', 'Điều 1. Không công nhận nội dung khiếu nại đòi bồi thường thêm 120 m² đất.'],
    recipients: ['Bà Thạch Thị Sa Vy;', 'Lưu: VT.'], sign: { lines: ['CHỦ TỊCH'], name: 'Kiên Văn Hòa', title: 'Chủ tịch' }, access: 'conditional', basis: 'Điều 7 khoản 2',
    personal: ['Thạch Thị Sa Vy', '084176004512', 'ấp Trà Điêu, xã Hòa Ân, huyện Cầu Kè'],
  },
  {
    id: 'o44', issuer: ['ỦY BAN NHÂN DÂN', 'XÃ PHÚ TÂN'], issuerName: 'Ủy ban nhân dân xã Phú Tân', number: '88', notation: 'QĐ-UBND', place: 'Phú Tân', date: '2024-04-22',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Về việc trợ cấp xã hội hằng tháng đối với người khuyết tật'],
    preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ TÂN', 'Căn cứ Nghị định số 20/2021/NĐ-CP ngày 15 tháng 3 năm 2021 của Chính phủ;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Trợ cấp xã hội hằng tháng cho ông Danh Văn Thiện, sinh ngày 12/05/1981, dân tộc: Khmer, địa chỉ: ấp Phú Hữu, xã Phú Tân; mức độ khuyết tật: khuyết tật nặng, bại não.', 'Mức trợ cấp 900.000 đồng/tháng, kể từ tháng 5 năm 2024.'],
    recipients: ['Ông Danh Văn Thiện;', 'Lưu: VT.'], sign: { lines: ['CHỦ TỊCH'], name: 'Trần Văn Tuấn', title: 'Chủ tịch' }, access: 'conditional', basis: 'Điều 7 khoản 2',
    personal: ['Danh Văn Thiện', '12/05/1981', 'ấp Phú Hữu, xã Phú Tân'],
  },
  {
    id: 'o45', issuer: ['CÔNG AN HUYỆN LAI VUNG', 'ĐỘI CẢNH SÁT GIAO THÔNG'], issuerName: 'Đội Cảnh sát giao thông Công an huyện Lai Vung', number: '214', notation: 'QĐ-XPVPHC', place: 'Lai Vung', date: '2024-11-11',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Xử phạt vi phạm hành chính'],
    body: ['Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012;', 'Đối với ông Võ Thanh Bình, sinh ngày 03/09/1990, số định danh cá nhân 087090012245, nơi thường trú: khóm 1, thị trấn Lai Vung; điều khiển xe mô tô biển số 66K1-234.56.', 'Hành vi vi phạm: điều khiển xe trong cơ thể có nồng độ cồn; mức phạt 7.000.000 đồng.'],
    recipients: ['Ông Võ Thanh Bình;', 'Lưu: HS.'], sign: { lines: ['ĐỘI TRƯỞNG'], name: 'Nguyễn Hữu Tài', title: 'Đội trưởng' }, access: 'conditional', basis: 'Điều 7 khoản 2',
    personal: ['Võ Thanh Bình', '03/09/1990', '087090012245'],
  },
  {
    id: 'o46', issuer: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG 5'], issuerName: 'Ủy ban nhân dân phường 5', number: '31', notation: 'TB-UBND', place: 'Phường 5', date: '2024-12-10',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện quý IV'],
    body: ['STT Họ và tên Năm sinh Địa chỉ Diện hộ', '1 Trần Thị Mén 1958 khóm 4, phường 5 hộ nghèo', '2 Lâm Văn Sơn 1971 khóm 6, phường 5 hộ cận nghèo', '3 Kim Thị Sóc Ly 1983 khóm 4, phường 5 hộ nghèo', 'Tổng cộng: 03 hộ.'],
    recipients: ['Các khóm;', 'Lưu: VT.'], sign: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Huỳnh Thị Diễm', title: 'Phó Chủ tịch' }, access: 'conditional', basis: 'Điều 7 khoản 2',
    personal: ['Trần Thị Mén', 'Lâm Văn Sơn', 'Kim Thị Sóc Ly'],
  },
  {
    id: 'o47', issuer: ['UBND HUYỆN HỒNG DÂN', 'PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'], issuerName: 'Phòng Lao động - Thương binh và Xã hội huyện Hồng Dân', number: '92', notation: 'TTr-PLĐTBXH', place: 'Hồng Dân', date: '2024-06-03',
    type: 'Tờ trình', title: 'TỜ TRÌNH', subject: ['Đề nghị đưa người vào cơ sở trợ giúp xã hội'],
    body: ['Phòng đề nghị tiếp nhận ông Lê Văn Út, sinh năm 1962, không nơi nương tựa, tình trạng sức khỏe: tâm thần phân liệt, thường xuyên lang thang.', 'Ông Út có 01 tiền án về tội trộm cắp tài sản, đã chấp hành xong án phạt tù năm 2019.'],
    recipients: ['UBND huyện;', 'Lưu: VT.'], sign: { lines: ['TRƯỞNG PHÒNG'], name: 'Đào Thị Mỹ', title: 'Trưởng phòng' }, access: 'conditional', basis: 'Điều 7 khoản 2',
    personal: ['Lê Văn Út'],
  },
];
