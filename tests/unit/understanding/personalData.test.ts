import { describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';
import { findPersonalData } from '../../../electron/engine/understanding/personalData';

const HEAD = 'ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 03/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nChâu Thành, ngày 15 tháng 7 năm 2024\n';
const suggest = (title: string, body: string) => understandPages([{ n: 1, text: `${HEAD}${title}\n${body}` }], { version: '2016' }).suggestion;
const kinds = (text: string) => findPersonalData([{ n: 1, text }]).map((f) => `${f.kind}:${f.text}`);

describe('personal data (Decree 356/2025) and office contacts', () => {
  it("a recruitment notice's contact — a named officer with her role, office and mobile numbers — is not a private person's data: public, point l", () => {
    const body = 'Căn cứ Nghị định số 115/2020/NĐ-CP;\nHồ sơ nộp tại Phòng Nội vụ huyện, địa chỉ: số 12 đường 30 Tháng 4, thị trấn Ngã Sáu. Mọi chi tiết xin liên hệ bà Đặng Thị Kiều Oanh, chuyên viên Phòng Nội vụ, điện thoại 0939 214 587 hoặc 0293 3946 118.';
    expect(kinds(body)).toEqual(['name:Đặng Thị Kiều Oanh']);
    expect(suggest('THÔNG BÁO\nTuyển dụng viên chức giáo dục năm 2024', body)).toMatchObject({ class: 'public', basisId: 'L104.D17.K1.l' });
  });

  it("the access-to-information focal point's office phone, mobile and official mailbox are not personal data: public, point m", () => {
    const body = 'Căn cứ Luật Tiếp cận thông tin;\nÔng Phan Minh Tâm, Chánh Văn phòng HĐND và UBND huyện; điện thoại cơ quan 0275 3861 245, di động 0918 402 317; thư điện tử vphdnd@giongtrom.bentre.gov.vn.';
    expect(kinds(body)).toEqual(['name:Phan Minh Tâm']);
    expect(suggest('THÔNG BÁO\nVề người làm đầu mối tiếp nhận yêu cầu cung cấp thông tin', body)).toMatchObject({ class: 'public', basisId: 'L104.D17.K1.m' });
  });

  it("a private person's phone stays personal when the office words come before the name, or the person's other data sits beside it", () => {
    expect(kinds('Ủy ban nhân dân xã nhận đơn của ông Nguyễn Văn An, số điện thoại 0912 345 678.')).toContain('phone:0912 345 678');
    expect(kinds('Liên hệ ông Nguyễn Văn An, sinh ngày 01/02/1970, điện thoại 0912 345 678.')).toContain('phone:0912 345 678');
    expect(suggest('THÔNG BÁO\nTuyển dụng viên chức năm 2024', 'Ủy ban nhân dân xã nhận đơn của ông Nguyễn Văn An, số điện thoại 0912 345 678.')).toMatchObject({ class: 'conditional', basisId: 'L104.D7.K2' });
  });

  it('sensitive data (Art. 4: ethnicity, criminal record) of a named person makes a document conditional; the same words about no one, or in an agency name, do not', () => {
    expect(suggest('KẾ HOẠCH\nHỗ trợ học sinh năm 2024', 'Hỗ trợ em Thạch Văn Dũng, dân tộc: Khmer, học lớp 5.')).toMatchObject({ class: 'conditional', basisId: 'L104.D7.K2' });
    expect(suggest('KẾ HOẠCH\nHỗ trợ học sinh năm 2024', 'Ưu tiên vùng đồng bào dân tộc Khmer; phối hợp với Ban Dân tộc tỉnh.')).toMatchObject({ class: 'public' });
    expect(kinds('Ông Lê Văn Út có 01 tiền án về tội trộm cắp tài sản.')).toContain('criminal-record:tiền án về tội trộm cắp tài sản');
  });

  it('"tiền sử dụng đất", "tiền ăn" beside a name are not a criminal record ("tiền sử", "tiền ăn" fold like "tiền sự", "tiền án")', () => {
    expect(kinds('Hộ ông Nguyễn Văn An nộp tiền sử dụng đất; hỗ trợ tiền ăn cho học sinh.').filter((k) => k.startsWith('criminal'))).toEqual([]);
  });

  it('a people table continued from an earlier page (rows 21, 22, … under the repeated header) gives each row\'s name, CCCD and address; one stray numbered line does not make a table', () => {
    const header = 'STT Họ và tên Năm sinh Số CCCD Nơi cư trú Số tiền (đồng)\n';
    const rows = ['21 Trần Văn Bình 1961 094061123456 ấp Phú Hòa, xã An Ninh 5.000.000', '22 Lê Thị Mai 1970 094070654321 ấp Long Trị, xã Phú Tâm 7.000.000'];
    expect(kinds(`${header}${rows.join('\n')}\n2`)).toEqual([
      'name:Trần Văn Bình',
      'cccd:094061123456',
      'address:ấp Phú Hòa, xã An Ninh',
      'name:Lê Thị Mai',
      'cccd:094070654321',
      'address:ấp Long Trị, xã Phú Tâm',
    ]);
    expect(kinds(`${header}${rows[0]}\nCộng: 5.000.000\n`)).toEqual(['cccd:094061123456']);
  });

  it("a row whose number OCR misread (\"3\" read as \"8\") is still a row of the people table when the next row goes on from it: its name is found", () => {
    const header = 'STT Họ và tên Năm sinh Số CCCD Nơi cư trú\n';
    const rows = ['1 Bùi Kim Tâm 1988 094088457417 ấp Long Trị, xã An Ninh', '2 Lê Thị Bình 1948 094048767562 ấp Tân Lập, xã Thuận Hòa', '3 Đỗ Kim Quyên 1940 094040741712 ấp Hòa Thuận, xã Hồ Đắc Kiện', '4 Lý Thanh Mai 1949 094049879457 ấp Xóm Chòi, xã An Ninh'];
    const misread = rows.map((r, i) => (i === 2 ? r.replace(/^3/, '8') : r));
    expect(kinds(`${header}${misread.join('\n')}\n`).filter((k) => k.startsWith('name:'))).toEqual(['name:Bùi Kim Tâm', 'name:Lê Thị Bình', 'name:Đỗ Kim Quyên', 'name:Lý Thanh Mai']);
  });

  it('OCR\'s letters for row digits ("S1" for 51, "o2" for 52), a row number lost at the end of the page and a slipped letter or a cell border before a name ("[NÑgô") still give every row\'s name', () => {
    const header = 'STT\tHọ và tên\tNăm sinh\tSố CCCD\tNơi cư trú\n';
    const rows = ['50\tDương Minh Sơn\t1977\t094077825164', 'S1\tLý Kim Bình\t1955\t094055296629', 'o2\tVõ Ngọc Xuân\t1961\t094061497087', '53\t[NÑgô Minh Hạnh\t1993\t094093676837', '55\tĐỗ Thanh Lan\t1984\t094084652790'];
    expect(kinds(`${header}${rows.join('\n')}\n`).filter((k) => k.startsWith('name:'))).toEqual(['name:Dương Minh Sơn', 'name:Lý Kim Bình', 'name:Võ Ngọc Xuân', 'name:NÑgô Minh Hạnh', 'name:Đỗ Thanh Lan']);
  });

  it('a people-table row whose number OCR lost (it runs into the row before) still gives its name when its line holds an ID number; a wrapped address line does not', () => {
    const header = 'STT\tHọ và tên\tNăm sinh\tSố CCCD\tNơi cư trú\n';
    const rows = ['57\tHồ Kim Xuân\t1967\t094067905744\tấp Bưng Tróp,\nXã An Ninh', 's8\tĐặng Thanh Mai\t1965\t094065578226\tấp Long Trị', 'Bùi Thanh Mai\t1967\t094067209776\tấp Hòa Thuận', '60\tVõ Kim Hoa\t1978\t094078651342\tấp Tân Lập'];
    expect(kinds(`${header}${rows.join('\n')}\n`).filter((k) => k.startsWith('name:'))).toEqual(['name:Hồ Kim Xuân', 'name:Đặng Thanh Mai', 'name:Bùi Thanh Mai', 'name:Võ Kim Hoa']);
  });
});
