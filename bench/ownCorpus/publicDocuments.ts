/**
 * Public documents of the own corpus: two or more for every point a–p of Law 104/2016 Art. 17
 * cl. 1, written from the law's enumeration (including the kinds the issue names: compensation and
 * land-recovery decisions, periodic and sector reports, inspection conclusions, decisions on an
 * agency's functions, citizen-reception notices, guidance letters, a recruitment notice and a
 * focal-point notice with office telephone numbers).
 */
import type { OwnDocument } from './types';

const UBND_HUYEN = (h: string) => ['ỦY BAN NHÂN DÂN', `HUYỆN ${h.toLocaleUpperCase('vi')}`];
const KT_CT = (name: string) => ({ lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name, title: 'Phó Chủ tịch' });
const CT = (name: string) => ({ lines: ['CHỦ TỊCH'], name, title: 'Chủ tịch' });
const GD = (name: string) => ({ lines: ['GIÁM ĐỐC'], name, title: 'Giám đốc' });
const KT_GD = (name: string) => ({ lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name, title: 'Phó Giám đốc' });
const LUU = ['Như trên;', 'Lưu: VT.'];

export const PUBLIC_DOCUMENTS: OwnDocument[] = [
  // a — procedures, documents of general application
  {
    id: 'o01', issuer: ['UBND TỈNH HẬU GIANG', 'SỞ NỘI VỤ'], issuerName: 'Sở Nội vụ tỉnh Hậu Giang', number: '215', notation: 'QĐ-SNV', place: 'Hậu Giang', date: '2024-04-09',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Ban hành quy trình nội bộ giải quyết thủ tục hành chính', 'lĩnh vực thi đua, khen thưởng'],
    preamble: ['GIÁM ĐỐC SỞ NỘI VỤ TỈNH HẬU GIANG', 'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này quy trình nội bộ giải quyết 12 thủ tục hành chính lĩnh vực thi đua, khen thưởng.', 'Điều 2. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở và Trưởng các phòng chịu trách nhiệm thi hành.'],
    recipients: ['Như Điều 2;', 'Cổng dịch vụ công tỉnh;', 'Lưu: VT, VP.'], sign: GD('Lâm Văn Thạnh'), access: 'public', basis: 'Điều 17 khoản 1 điểm a',
  },
  {
    id: 'o02', issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH VĨNH LONG'], issuerName: 'Ủy ban nhân dân tỉnh Vĩnh Long', number: '18', notation: '2024/QĐ-UBND', place: 'Vĩnh Long', date: '2024-06-20',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Quy định mức chi hỗ trợ hoạt động hòa giải ở cơ sở', 'trên địa bàn tỉnh Vĩnh Long'],
    preamble: ['ỦY BAN NHÂN DÂN TỈNH VĨNH LONG', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', 'Căn cứ Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Quyết định này quy định mức chi hỗ trợ cho tổ hòa giải và hòa giải viên ở cơ sở.', 'Điều 2. Mức chi thù lao cho hòa giải viên là 300.000 đồng/vụ, việc.', 'Điều 3. Quyết định có hiệu lực từ ngày 01 tháng 7 năm 2024.'],
    recipients: ['Bộ Tư pháp;', 'Cục Kiểm tra văn bản QPPL;', 'Lưu: VT.'], sign: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Thị Quyên Thanh', title: 'Phó Chủ tịch' }, access: 'public', basis: 'Điều 17 khoản 1 điểm a',
  },
  // b — dissemination and guidance of law, regimes, policies
  {
    id: 'o03', issuer: ['UBND TỈNH TRÀ VINH', 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'], issuerName: 'Sở Lao động - Thương binh và Xã hội tỉnh Trà Vinh', number: '1420', notation: 'SLĐTBXH-NCC', place: 'Trà Vinh', date: '2024-08-14',
    type: 'Công văn', subject: ['V/v hướng dẫn thực hiện chế độ ưu đãi người có công', 'với cách mạng năm 2024'], to: 'Kính gửi: Phòng Lao động - Thương binh và Xã hội các huyện, thị xã, thành phố.',
    body: ['Thực hiện Nghị định số 55/2023/NĐ-CP của Chính phủ, Sở Lao động - Thương binh và Xã hội hướng dẫn một số nội dung sau:', '1. Mức chuẩn trợ cấp ưu đãi áp dụng từ ngày 01 tháng 7 năm 2024 là 2.789.000 đồng.', '2. Các địa phương rà soát hồ sơ, chi trả kịp thời, đúng đối tượng.'],
    recipients: LUU, sign: KT_GD('Thạch Thị Kim Liên'), access: 'public', basis: 'Điều 17 khoản 1 điểm b',
  },
  {
    id: 'o04', issuer: UBND_HUYEN('Châu Phú'), issuerName: 'Ủy ban nhân dân huyện Châu Phú', number: '76', notation: 'KH-UBND', place: 'Châu Phú', date: '2024-02-27',
    type: 'Kế hoạch', title: 'KẾ HOẠCH', subject: ['Tuyên truyền, phổ biến, giáo dục pháp luật năm 2024'],
    body: ['I. MỤC ĐÍCH, YÊU CẦU', 'Nâng cao nhận thức, ý thức chấp hành pháp luật của cán bộ và Nhân dân trên địa bàn huyện.', 'II. NỘI DUNG', 'Tổ chức Ngày Pháp luật Việt Nam; phổ biến Luật Đất đai năm 2024 và Luật Căn cước đến các ấp.', 'III. TỔ CHỨC THỰC HIỆN', 'Phòng Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các xã, thị trấn triển khai.'],
    recipients: ['Sở Tư pháp;', 'UBND các xã, thị trấn;', 'Lưu: VT.'], sign: KT_CT('Đinh Văn Hòa'), access: 'public', basis: 'Điều 17 khoản 1 điểm b',
  },
  {
    id: 'o05', issuer: ['UBND TỈNH ĐỒNG THÁP', 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG'], issuerName: 'Sở Tài nguyên và Môi trường tỉnh Đồng Tháp', number: '3', notation: 'HD-STNMT', place: 'Đồng Tháp', date: '2024-09-03',
    type: 'Hướng dẫn', title: 'HƯỚNG DẪN', subject: ['Trình tự đăng ký đất đai, tài sản gắn liền với đất lần đầu', 'theo Luật Đất đai năm 2024'],
    body: ['1. Hồ sơ gồm đơn đăng ký theo mẫu, giấy tờ về quyền sử dụng đất và sơ đồ thửa đất.', '2. Người sử dụng đất nộp hồ sơ tại Bộ phận một cửa cấp huyện hoặc qua Cổng dịch vụ công.', '3. Văn phòng đăng ký đất đai kiểm tra, cập nhật cơ sở dữ liệu trong thời hạn 20 ngày.'],
    recipients: ['UBND các huyện, thành phố;', 'Lưu: VT, QLĐĐ.'], sign: KT_GD('Phạm Thanh Tâm'), access: 'public', basis: 'Điều 17 khoản 1 điểm b',
  },
  // c — drafts and consultation, administrative units
  {
    id: 'o06', issuer: ['ỦY BAN NHÂN DÂN', 'XÃ VĨNH THẠNH TRUNG'], issuerName: 'Ủy ban nhân dân xã Vĩnh Thạnh Trung', number: '41', notation: 'TB-UBND', place: 'Vĩnh Thạnh Trung', date: '2024-05-16',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Lấy ý kiến Nhân dân về đề án sắp xếp, sáp nhập ấp'],
    body: ['Thực hiện Nghị quyết của Hội đồng nhân dân tỉnh về tiêu chuẩn của ấp, khóm, Ủy ban nhân dân xã thông báo lấy ý kiến cử tri về việc sáp nhập ấp Vĩnh Lợi và ấp Vĩnh Quới.', 'Thời gian lấy ý kiến từ ngày 20 đến ngày 31 tháng 5 năm 2024, tại nhà văn hóa các ấp.', 'Kết quả lấy ý kiến được niêm yết công khai tại trụ sở Ủy ban nhân dân xã.'],
    recipients: ['Các ấp;', 'Lưu: VT.'], sign: CT('Trần Văn Lực'), access: 'public', basis: 'Điều 17 khoản 1 điểm c',
  },
  {
    id: 'o07', issuer: ['UBND TỈNH BẠC LIÊU', 'SỞ TƯ PHÁP'], issuerName: 'Sở Tư pháp tỉnh Bạc Liêu', number: '987', notation: 'STP-XDKTVB', place: 'Bạc Liêu', date: '2024-10-02',
    type: 'Công văn', subject: ['V/v góp ý dự thảo Nghị quyết quy định mức thu', 'phí thẩm định cấp giấy phép'], to: 'Kính gửi: Các sở, ban, ngành tỉnh.',
    body: ['Sở Tư pháp nhận được dự thảo Nghị quyết của Hội đồng nhân dân tỉnh do Sở Tài chính chủ trì soạn thảo.', 'Đề nghị các cơ quan nghiên cứu, góp ý bằng văn bản; dự thảo được đăng tải trên Cổng thông tin điện tử tỉnh để lấy ý kiến rộng rãi.'],
    recipients: LUU, sign: GD('Trương Minh Quân'), access: 'public', basis: 'Điều 17 khoản 1 điểm c',
  },
  // d — strategies, programmes, plans
  {
    id: 'o08', issuer: UBND_HUYEN('Tam Bình'), issuerName: 'Ủy ban nhân dân huyện Tam Bình', number: '112', notation: 'KH-UBND', place: 'Tam Bình', date: '2024-01-12',
    type: 'Kế hoạch', title: 'KẾ HOẠCH', subject: ['Phát triển kinh tế - xã hội năm 2024'],
    body: ['I. MỤC TIÊU', 'Tốc độ tăng trưởng giá trị sản xuất đạt 7,5%; thu nhập bình quân đầu người đạt 68 triệu đồng.', 'II. NHIỆM VỤ, GIẢI PHÁP', 'Đẩy mạnh chuyển đổi cơ cấu cây trồng, phát triển vùng chuyên canh cây ăn trái.', 'Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới.'],
    recipients: ['Thường trực Huyện ủy;', 'Lưu: VT.'], sign: CT('Võ Văn Hùng'), access: 'public', basis: 'Điều 17 khoản 1 điểm d',
  },
  {
    id: 'o09', issuer: ['UBND TỈNH KIÊN GIANG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], issuerName: 'Sở Thông tin và Truyền thông tỉnh Kiên Giang', number: '05', notation: 'CTr-STTTT', place: 'Kiên Giang', date: '2024-03-01',
    type: 'Chương trình', title: 'CHƯƠNG TRÌNH', subject: ['Công tác năm 2024 của Sở Thông tin và Truyền thông'],
    body: ['1. Hoàn thành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh trong quý II.', '2. Phủ sóng di động 4G đến 100% ấp, khu phố.', '3. Tổ chức 04 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã.'],
    recipients: ['UBND tỉnh;', 'Lưu: VT.'], sign: GD('Lê Hoàng Khải'), access: 'public', basis: 'Điều 17 khoản 1 điểm d',
  },
  // đ — state budget
  {
    id: 'o10', issuer: UBND_HUYEN('Phong Điền'), issuerName: 'Ủy ban nhân dân huyện Phong Điền', number: '2045', notation: 'QĐ-UBND', place: 'Phong Điền', date: '2023-12-22',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Về việc công bố công khai dự toán ngân sách huyện năm 2024'],
    preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN PHONG ĐIỀN', 'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Công bố công khai số liệu dự toán ngân sách huyện năm 2024 đã được Hội đồng nhân dân huyện quyết định.', 'Điều 2. Tổng thu ngân sách trên địa bàn 312.500 triệu đồng; tổng chi ngân sách địa phương 498.700 triệu đồng.'],
    recipients: ['Sở Tài chính;', 'Lưu: VT.'], sign: CT('Nguyễn Thành Trung'), access: 'public', basis: 'Điều 17 khoản 1 điểm đ',
  },
  {
    id: 'o11', issuer: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN PHÚ THẠNH'], issuerName: 'Ủy ban nhân dân xã Tân Phú Thạnh', number: '19', notation: 'BC-UBND', place: 'Tân Phú Thạnh', date: '2024-07-08',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Tình hình thực hiện dự toán thu, chi ngân sách xã', '6 tháng đầu năm 2024'],
    body: ['Thực hiện Luật Ngân sách nhà nước, Ủy ban nhân dân xã báo cáo tình hình thực hiện dự toán như sau:', 'Tổng thu ngân sách xã đạt 2.140 triệu đồng, bằng 54% dự toán.', 'Tổng chi ngân sách xã 1.870 triệu đồng, trong đó chi thường xuyên 1.520 triệu đồng.', 'Ủy ban nhân dân xã tiếp tục tăng cường quản lý các nguồn thu, thực hành tiết kiệm.'],
    recipients: ['Phòng Tài chính - Kế hoạch;', 'Lưu: VT.'], sign: CT('Huỳnh Văn Dũng'), access: 'public', basis: 'Điều 17 khoản 1 điểm đ',
  },
  // e — ODA, aid, social assistance, contributions, funds
  {
    id: 'o12', issuer: ['ỦY BAN MẶT TRẬN TỔ QUỐC', 'HUYỆN CHỢ MỚI'], issuerName: 'Ủy ban Mặt trận Tổ quốc huyện Chợ Mới', number: '27', notation: 'TB-MTTQ', place: 'Chợ Mới', date: '2024-11-20',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Kết quả vận động ủng hộ Quỹ Vì người nghèo năm 2024'],
    body: ['Thực hiện Kế hoạch vận động năm 2024, Ban Thường trực Ủy ban Mặt trận Tổ quốc huyện thông báo:', 'Tổng số tiền vận động được là 1.256 triệu đồng từ các cơ quan, doanh nghiệp và Nhân dân.', 'Quỹ đã hỗ trợ xây dựng 18 căn nhà Đại đoàn kết và tặng 1.200 phần quà cho hộ khó khăn.', 'Báo cáo thu, chi của Quỹ được niêm yết tại trụ sở Ủy ban Mặt trận Tổ quốc các xã.'],
    recipients: ['Ban Thường trực UBMTTQ tỉnh;', 'Lưu: VT.'], sign: { lines: ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'], name: 'Lê Thị Mỹ Hạnh', title: 'Chủ tịch' }, access: 'public', basis: 'Điều 17 khoản 1 điểm e',
  },
  {
    id: 'o13', issuer: ['UBND TỈNH AN GIANG', 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ'], issuerName: 'Sở Kế hoạch và Đầu tư tỉnh An Giang', number: '66', notation: 'BC-SKHĐT', place: 'An Giang', date: '2024-07-25',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Tình hình quản lý, sử dụng vốn ODA và vốn vay ưu đãi', 'của các nhà tài trợ nước ngoài'],
    body: ['Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Kế hoạch và Đầu tư báo cáo như sau:', 'Dự án phát triển đô thị thích ứng biến đổi khí hậu sử dụng vốn vay Ngân hàng Thế giới đã giải ngân 62% kế hoạch vốn.', 'Dự án hỗ trợ nông nghiệp các-bon thấp hoàn thành hạng mục nhà màng tại 3 huyện.', 'Sở kiến nghị Ủy ban nhân dân tỉnh bố trí đủ vốn đối ứng.'],
    recipients: ['UBND tỉnh;', 'Lưu: VT.'], sign: KT_GD('Đoàn Văn Nhân'), access: 'public', basis: 'Điều 17 khoản 1 điểm e',
  },
  // g — public investment, procurement, land, compensation, resettlement
  {
    id: 'o14', issuer: UBND_HUYEN('Cù Lao Dung'), issuerName: 'Ủy ban nhân dân huyện Cù Lao Dung', number: '1506', notation: 'QĐ-UBND', place: 'Cù Lao Dung', date: '2024-09-18',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Phê duyệt phương án bồi thường, hỗ trợ và tái định cư', 'dự án đường giao thông nông thôn liên xã An Thạnh'],
    preamble: ['ỦY BAN NHÂN DÂN HUYỆN CÙ LAO DUNG', 'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Phê duyệt phương án bồi thường, hỗ trợ và tái định cư cho 46 hộ gia đình, cá nhân có đất bị thu hồi, tổng kinh phí 8.412 triệu đồng.', 'Điều 2. Trung tâm Phát triển quỹ đất huyện niêm yết công khai phương án tại trụ sở Ủy ban nhân dân xã và chi trả trong 30 ngày.'],
    recipients: ['UBND xã An Thạnh 2;', 'Lưu: VT.'], sign: KT_CT('Trần Quốc Việt'), access: 'public', basis: 'Điều 17 khoản 1 điểm g',
  },
  {
    id: 'o15', issuer: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ NGÃ NĂM'], issuerName: 'Ủy ban nhân dân thị xã Ngã Năm', number: '803', notation: 'QĐ-UBND', place: 'Ngã Năm', date: '2024-06-05',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Về việc thu hồi đất để thực hiện dự án mở rộng', 'Trường Tiểu học Vĩnh Quới'],
    preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM', 'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Thu hồi 3.250 m² đất trồng cây lâu năm tại khóm Vĩnh Mỹ, phường 2 để mở rộng trường học theo quy hoạch đã được phê duyệt.', 'Điều 2. Giao Phòng Tài nguyên và Môi trường bàn giao đất trên thực địa.'],
    recipients: ['Sở Tài nguyên và Môi trường;', 'Lưu: VT.'], sign: CT('Lý Minh Đức'), access: 'public', basis: 'Điều 17 khoản 1 điểm g',
  },
  {
    id: 'o16', issuer: ['UBND TỈNH VĨNH LONG', 'BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG'], issuerName: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Vĩnh Long', number: '214', notation: 'TB-BQLDA', place: 'Vĩnh Long', date: '2024-10-28',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Kết quả lựa chọn nhà thầu gói thầu số 07: Thi công xây dựng', 'nhà lớp học Trường THCS Tân Lược'],
    body: ['Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023, Ban Quản lý dự án thông báo kết quả lựa chọn nhà thầu:', 'Nhà thầu trúng thầu: Công ty TNHH Xây dựng Thành Long.', 'Giá trúng thầu: 14.850.000.000 đồng; thời gian thực hiện hợp đồng 240 ngày.', 'Loại hợp đồng: trọn gói.'],
    recipients: ['Hệ thống mạng đấu thầu quốc gia;', 'Lưu: VT.'], sign: GD('Nguyễn Hữu Phước'), access: 'public', basis: 'Điều 17 khoản 1 điểm g',
  },
  // h — state capital in enterprises
  {
    id: 'o17', issuer: ['UBND TỈNH HẬU GIANG', 'SỞ TÀI CHÍNH'], issuerName: 'Sở Tài chính tỉnh Hậu Giang', number: '58', notation: 'BC-STC', place: 'Hậu Giang', date: '2024-05-30',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Đánh giá hiệu quả hoạt động và xếp loại doanh nghiệp nhà nước', 'năm 2023'],
    body: ['Căn cứ Nghị định số 87/2015/NĐ-CP về giám sát đầu tư vốn nhà nước vào doanh nghiệp, Sở Tài chính báo cáo:', 'Công ty TNHH MTV Xổ số kiến thiết Hậu Giang đạt doanh thu 1.420 tỷ đồng, lợi nhuận sau thuế 148 tỷ đồng, xếp loại A.', 'Công ty TNHH MTV Cấp thoát nước đạt lợi nhuận 12 tỷ đồng, xếp loại B.', 'Vốn chủ sở hữu của Nhà nước được bảo toàn và phát triển.'],
    recipients: ['Bộ Tài chính;', 'Lưu: VT.'], sign: GD('Trần Văn Sang'), access: 'public', basis: 'Điều 17 khoản 1 điểm h',
  },
  {
    id: 'o18', issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH TRÀ VINH'], issuerName: 'Ủy ban nhân dân tỉnh Trà Vinh', number: '1190', notation: 'QĐ-UBND', place: 'Trà Vinh', date: '2024-07-02',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Phê duyệt phương án cổ phần hóa Công ty TNHH MTV', 'Công trình đô thị Trà Vinh'],
    preamble: ['CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH', 'Căn cứ Nghị định số 126/2017/NĐ-CP về chuyển doanh nghiệp nhà nước thành công ty cổ phần;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Phê duyệt phương án cổ phần hóa với vốn điều lệ 85 tỷ đồng, Nhà nước nắm giữ 36% vốn điều lệ.', 'Điều 2. Giao Sở Tài chính hướng dẫn doanh nghiệp công bố thông tin theo quy định.'],
    recipients: ['Bộ Tài chính;', 'Lưu: VT.'], sign: KT_CT('Lê Văn Hẳn'), access: 'public', basis: 'Điều 17 khoản 1 điểm h',
  },
  // i — harmful products; inspection conclusions on environment, food safety, labour safety
  {
    id: 'o19', issuer: ['UBND TỈNH ĐỒNG THÁP', 'THANH TRA SỞ Y TẾ'], issuerName: 'Thanh tra Sở Y tế tỉnh Đồng Tháp', number: '12', notation: 'KL-TTr', place: 'Đồng Tháp', date: '2024-08-22',
    type: 'Kết luận', title: 'KẾT LUẬN THANH TRA', subject: ['Về việc chấp hành pháp luật về an toàn thực phẩm', 'tại các bếp ăn tập thể khu công nghiệp Sa Đéc'],
    body: ['Đoàn thanh tra đã kiểm tra 9 bếp ăn tập thể; 2 cơ sở chưa lưu mẫu thực phẩm đúng quy định.', 'Chánh Thanh tra Sở kết luận và yêu cầu các cơ sở khắc phục trong 15 ngày.', 'Kết luận này được công khai trên trang thông tin điện tử của Sở Y tế.'],
    recipients: ['Giám đốc Sở Y tế;', 'Lưu: VT, TTr.'], sign: { lines: ['CHÁNH THANH TRA'], name: 'Phan Văn Đạt', title: 'Chánh Thanh tra' }, access: 'public', basis: 'Điều 17 khoản 1 điểm i',
  },
  {
    id: 'o20', issuer: ['UBND TỈNH BẠC LIÊU', 'SỞ Y TẾ'], issuerName: 'Sở Y tế tỉnh Bạc Liêu', number: '2210', notation: 'SYT-NVD', place: 'Bạc Liêu', date: '2024-04-15',
    type: 'Công văn', subject: ['V/v đình chỉ lưu hành và thu hồi lô thuốc', 'không đạt tiêu chuẩn chất lượng'], to: 'Kính gửi: Các cơ sở kinh doanh dược trên địa bàn tỉnh.',
    body: ['Căn cứ công văn của Cục Quản lý Dược, Sở Y tế thông báo đình chỉ lưu hành lô thuốc viên nén Paracetamol 500 mg số lô 230512 do không đạt chỉ tiêu độ hòa tan.', 'Các cơ sở ngừng kinh doanh, gửi trả lô thuốc cho nơi cung cấp và báo cáo trước ngày 30 tháng 4.'],
    recipients: LUU, sign: KT_GD('Huỳnh Ngọc Linh'), access: 'public', basis: 'Điều 17 khoản 1 điểm i',
  },
  // k — functions, duties, organisation; internal rules
  {
    id: 'o21', issuer: UBND_HUYEN('Mỏ Cày Nam'), issuerName: 'Ủy ban nhân dân huyện Mỏ Cày Nam', number: '655', notation: 'QĐ-UBND', place: 'Mỏ Cày Nam', date: '2024-03-14',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức', 'của Phòng Văn hóa và Thông tin huyện'],
    preamble: ['ỦY BAN NHÂN DÂN HUYỆN MỎ CÀY NAM', 'Căn cứ Nghị định số 37/2014/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Phòng Văn hóa và Thông tin là cơ quan chuyên môn tham mưu, giúp Ủy ban nhân dân huyện quản lý nhà nước về văn hóa, gia đình, thể dục, thể thao, du lịch, thông tin và truyền thông.', 'Điều 2. Phòng có Trưởng phòng, không quá 02 Phó Trưởng phòng và các công chức chuyên môn.'],
    recipients: ['Sở Nội vụ;', 'Lưu: VT.'], sign: CT('Trương Hoàng Anh'), access: 'public', basis: 'Điều 17 khoản 1 điểm k',
  },
  {
    id: 'o22', issuer: ['UBND TỈNH AN GIANG', 'SỞ XÂY DỰNG'], issuerName: 'Sở Xây dựng tỉnh An Giang', number: '301', notation: 'QĐ-SXD', place: 'An Giang', date: '2024-01-30',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Ban hành Quy chế làm việc của Sở Xây dựng'],
    preamble: ['GIÁM ĐỐC SỞ XÂY DỰNG TỈNH AN GIANG'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Xây dựng.', 'Điều 2. Quyết định có hiệu lực kể từ ngày ký và thay thế Quyết định số 45/QĐ-SXD năm 2019.'],
    recipients: ['Như Điều 2;', 'Lưu: VT.'], sign: GD('Châu Văn Lũy'), access: 'public', basis: 'Điều 17 khoản 1 điểm k',
  },
  // l — periodic reports, statistics, recruitment and management of civil servants
  {
    id: 'o23', issuer: ['UBND HUYỆN THOẠI SƠN', 'PHÒNG TƯ PHÁP'], issuerName: 'Phòng Tư pháp huyện Thoại Sơn', number: '48', notation: 'BC-PTP', place: 'Thoại Sơn', date: '2024-06-18',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Kết quả công tác tư pháp 6 tháng đầu năm', 'và phương hướng nhiệm vụ 6 tháng cuối năm 2024'],
    body: ['I. KẾT QUẢ THỰC HIỆN', 'Trong 6 tháng, Phòng đã thẩm định 14 dự thảo văn bản, chứng thực 2.310 việc và hướng dẫn đăng ký hộ tịch tại 17 xã, thị trấn.', 'Công tác hòa giải ở cơ sở hòa giải thành 87/102 vụ việc.', 'Phương hướng: tiếp tục nâng cao chất lượng thẩm định văn bản quy phạm pháp luật.'],
    recipients: ['Sở Tư pháp;', 'UBND huyện;', 'Lưu: VT.'], sign: { lines: ['TRƯỞNG PHÒNG'], name: 'Nguyễn Thị Bích Trâm', title: 'Trưởng phòng' }, access: 'public', basis: 'Điều 17 khoản 1 điểm l',
  },
  {
    id: 'o24', issuer: ['UBND TỈNH KIÊN GIANG', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], issuerName: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang', number: '77', notation: 'BC-SGDĐT', place: 'Kiên Giang', date: '2024-09-10',
    type: 'Báo cáo', title: 'BÁO CÁO', subject: ['Số liệu thống kê giáo dục năm học 2023 - 2024'],
    body: ['Thực hiện chế độ báo cáo thống kê ngành giáo dục, Sở Giáo dục và Đào tạo báo cáo:', 'Toàn tỉnh có 612 trường từ mầm non đến trung học phổ thông với 392.145 học sinh.', 'Tỷ lệ huy động trẻ 5 tuổi ra lớp đạt 99,2%; tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 99,6%.', 'Số liệu chi tiết theo từng huyện tại phụ lục kèm theo.'],
    recipients: ['Bộ Giáo dục và Đào tạo;', 'Lưu: VT.'], sign: GD('Phạm Văn Ngữ'), access: 'public', basis: 'Điều 17 khoản 1 điểm l',
  },
  {
    id: 'o25', issuer: ['UBND HUYỆN CHÂU THÀNH', 'HỘI ĐỒNG TUYỂN DỤNG VIÊN CHỨC'], issuerName: 'Hội đồng tuyển dụng viên chức huyện Châu Thành', number: '03', notation: 'TB-HĐTD', place: 'Châu Thành', date: '2024-07-15',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Tuyển dụng viên chức giáo dục năm 2024'],
    body: ['Căn cứ Nghị định số 115/2020/NĐ-CP về tuyển dụng, sử dụng và quản lý viên chức;', 'Huyện Châu Thành tuyển dụng 42 chỉ tiêu giáo viên mầm non, tiểu học và trung học cơ sở bằng hình thức xét tuyển.', 'Thời gian nhận phiếu đăng ký từ ngày 22 tháng 7 đến ngày 21 tháng 8 năm 2024 tại Phòng Nội vụ huyện, địa chỉ: số 12 đường 30 Tháng 4, thị trấn Ngã Sáu.', 'Mọi chi tiết xin liên hệ bà Đặng Thị Kiều Oanh, chuyên viên Phòng Nội vụ, điện thoại 0939 214 587 hoặc 0293 3946 118.'],
    recipients: ['Cổng thông tin điện tử huyện;', 'Lưu: VT.'], sign: { lines: ['CHỦ TỊCH HỘI ĐỒNG'], name: 'Hồ Văn Tòng', title: 'Chủ tịch Hội đồng' }, access: 'public', basis: 'Điều 17 khoản 1 điểm l',
  },
  // m — catalogue of information to publish; focal point
  {
    id: 'o26', issuer: ['ỦY BAN NHÂN DÂN', 'HUYỆN GIỒNG TRÔM'], issuerName: 'Ủy ban nhân dân huyện Giồng Trôm', number: '91', notation: 'TB-UBND', place: 'Giồng Trôm', date: '2024-02-05',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Về người làm đầu mối tiếp nhận yêu cầu cung cấp thông tin'],
    body: ['Căn cứ Luật Tiếp cận thông tin ngày 06 tháng 4 năm 2016;', 'Ủy ban nhân dân huyện thông báo đầu mối tiếp nhận yêu cầu cung cấp thông tin theo Luật Tiếp cận thông tin như sau:', 'Ông Phan Minh Tâm, Chánh Văn phòng HĐND và UBND huyện; điện thoại cơ quan 0275 3861 245, di động 0918 402 317; thư điện tử vphdnd@giongtrom.bentre.gov.vn.', 'Địa chỉ tiếp nhận: số 01 đường Nguyễn Đình Chiểu, thị trấn Giồng Trôm.'],
    recipients: ['Các cơ quan, đơn vị;', 'Lưu: VT.'], sign: CT('Lê Văn Bé'), access: 'public', basis: 'Điều 17 khoản 1 điểm m',
  },
  {
    id: 'o27', issuer: ['UBND TỈNH HẬU GIANG', 'SỞ TƯ PHÁP'], issuerName: 'Sở Tư pháp tỉnh Hậu Giang', number: '1245', notation: 'QĐ-STP', place: 'Hậu Giang', date: '2024-03-21',
    type: 'Quyết định', title: 'QUYẾT ĐỊNH', subject: ['Ban hành Danh mục thông tin phải được công khai', 'của Sở Tư pháp'],
    preamble: ['GIÁM ĐỐC SỞ TƯ PHÁP TỈNH HẬU GIANG', 'Căn cứ Luật Tiếp cận thông tin ngày 06 tháng 4 năm 2016;'],
    body: ['QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Danh mục thông tin phải được công khai của Sở Tư pháp.', 'Điều 2. Văn phòng Sở cập nhật danh mục trên chuyên mục tiếp cận thông tin của Trang thông tin điện tử Sở.'],
    recipients: ['Như Điều 2;', 'Lưu: VT.'], sign: GD('Võ Thị Hồng Ánh'), access: 'public', basis: 'Điều 17 khoản 1 điểm m',
  },
  // n — public interest, community health
  {
    id: 'o28', issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH BẠC LIÊU'], issuerName: 'Ủy ban nhân dân tỉnh Bạc Liêu', number: '04', notation: 'CĐ-UBND', place: 'Bạc Liêu', date: '2024-09-06',
    type: 'Công điện', title: 'CÔNG ĐIỆN', subject: ['Về việc chủ động ứng phó với áp thấp nhiệt đới', 'và mưa lớn, triều cường'],
    body: ['Theo tin của Đài Khí tượng Thủy văn khu vực, áp thấp nhiệt đới đang hướng vào vùng biển của tỉnh.', 'Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các huyện theo dõi chặt chẽ diễn biến thời tiết, thông báo cho tàu thuyền đang hoạt động trên biển về nơi tránh trú an toàn.', 'Kiểm tra đê biển, cống ngăn mặn; sẵn sàng sơ tán người dân vùng nguy hiểm.'],
    recipients: ['Các huyện, thị xã, thành phố;', 'Lưu: VT.'], sign: CT('Phạm Văn Thiều'), access: 'public', basis: 'Điều 17 khoản 1 điểm n',
  },
  {
    id: 'o29', issuer: ['UBND HUYỆN LONG HỒ', 'TRUNG TÂM Y TẾ'], issuerName: 'Trung tâm Y tế huyện Long Hồ', number: '115', notation: 'TB-TTYT', place: 'Long Hồ', date: '2024-06-11',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Tình hình dịch bệnh sốt xuất huyết và khuyến cáo', 'phòng bệnh trong cộng đồng'],
    body: ['Thực hiện chỉ đạo của Sở Y tế về phòng, chống dịch bệnh truyền nhiễm;', 'Từ đầu năm đến nay toàn huyện ghi nhận 214 ca sốt xuất huyết, tăng 38% so với cùng kỳ.', 'Người dân cần diệt lăng quăng, ngủ mùng kể cả ban ngày và đến cơ sở y tế khi có dấu hiệu sốt cao.'],
    recipients: ['UBND các xã;', 'Lưu: VT.'], sign: GD('Trần Thị Ngọc Giàu'), access: 'public', basis: 'Điều 17 khoản 1 điểm n',
  },
  // o — taxes, fees, charges
  {
    id: 'o30', issuer: ['CỤC THUẾ TỈNH TRÀ VINH', 'CHI CỤC THUẾ KHU VỰC CÀNG LONG - CẦU KÈ'], issuerName: 'Chi cục Thuế khu vực Càng Long - Cầu Kè tỉnh Trà Vinh', number: '36', notation: 'TB-CCT', place: 'Càng Long', date: '2024-01-25',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Công khai mức thuế khoán năm 2024 đối với hộ kinh doanh'],
    body: ['Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;', 'Chi cục Thuế niêm yết công khai dự kiến doanh thu và mức thuế khoán của hộ kinh doanh tại trụ sở Ủy ban nhân dân các xã và bộ phận một cửa.', 'Hộ kinh doanh có ý kiến phản hồi bằng văn bản trước ngày 20 tháng 02 năm 2024.'],
    recipients: ['UBND các xã, thị trấn;', 'Lưu: VT.'], sign: { lines: ['CHI CỤC TRƯỞNG'], name: 'Kim Sô Phanh', title: 'Chi cục trưởng' }, access: 'public', basis: 'Điều 17 khoản 1 điểm o',
  },
  {
    id: 'o31', issuer: ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH ĐỒNG THÁP'], issuerName: 'Hội đồng nhân dân tỉnh Đồng Tháp', number: '15', notation: '2024/NQ-HĐND', place: 'Đồng Tháp', date: '2024-07-12',
    type: 'Nghị quyết', title: 'NGHỊ QUYẾT', subject: ['Quy định mức thu, chế độ thu, nộp, quản lý lệ phí cấp giấy phép', 'xây dựng trên địa bàn tỉnh Đồng Tháp'],
    preamble: ['HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP', 'KHÓA X, KỲ HỌP THỨ MƯỜI HAI', 'Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;'],
    body: ['QUYẾT NGHỊ:', 'Điều 1. Mức thu lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ là 75.000 đồng/giấy phép.', 'Điều 2. Nghị quyết có hiệu lực từ ngày 01 tháng 8 năm 2024.'],
    recipients: ['Ủy ban Thường vụ Quốc hội;', 'Lưu: VT.'], sign: CT('Phan Văn Thắng'), access: 'public', basis: 'Điều 17 khoản 1 điểm o',
  },
  // p — other information the law requires to be published
  {
    id: 'o32', issuer: UBND_HUYEN('Tân Châu'), issuerName: 'Ủy ban nhân dân huyện Tân Châu', number: '54', notation: 'TB-UBND', place: 'Tân Châu', date: '2024-06-28',
    type: 'Thông báo', title: 'THÔNG BÁO', subject: ['Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện', 'tháng 7 năm 2024'],
    body: ['Thực hiện Luật Tiếp công dân ngày 25 tháng 11 năm 2013, Ủy ban nhân dân huyện thông báo:', 'Chủ tịch Ủy ban nhân dân huyện tiếp công dân định kỳ vào ngày 15 tháng 7 năm 2024 tại Trụ sở tiếp công dân huyện.', 'Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh mang theo giấy tờ tùy thân và tài liệu liên quan.'],
    recipients: ['Ban Tiếp công dân tỉnh;', 'Lưu: VT.'], sign: { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], name: 'Ngô Thanh Liêm', title: 'Chánh Văn phòng' }, access: 'public', basis: 'Điều 17 khoản 1 điểm p',
  },
  {
    id: 'o33', issuer: ['UBND TỈNH VĨNH LONG', 'THANH TRA TỈNH'], issuerName: 'Thanh tra tỉnh Vĩnh Long', number: '08', notation: 'KL-TTr', place: 'Vĩnh Long', date: '2024-11-04',
    type: 'Kết luận', title: 'KẾT LUẬN THANH TRA', subject: ['Việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo', 'tại huyện Vũng Liêm giai đoạn 2021 - 2023'],
    body: ['Qua thanh tra, Ủy ban nhân dân huyện đã hỗ trợ 312 căn nhà đúng đối tượng; còn 5 hồ sơ thiếu biên bản nghiệm thu.', 'Chánh Thanh tra tỉnh kiến nghị Chủ tịch Ủy ban nhân dân huyện chỉ đạo khắc phục và kiểm điểm trách nhiệm tập thể có liên quan.'],
    recipients: ['Thanh tra Chính phủ;', 'UBND tỉnh;', 'Lưu: VT.'], sign: { lines: ['CHÁNH THANH TRA'], name: 'Nguyễn Văn Liêm', title: 'Chánh Thanh tra' }, access: 'public', basis: 'Điều 17 khoản 1 điểm p',
  },
];
