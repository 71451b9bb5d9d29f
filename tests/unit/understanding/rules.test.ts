import { describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';
import { findStamps } from '../../../electron/engine/understanding/stamps';
import { findPersonalData } from '../../../electron/engine/understanding/personalData';
import { loadLegalRegistry, RegistrySchema } from '../../../electron/engine/understanding/legalRegistry';
import { bodyCase, normaliseTonePlacement } from '../../../electron/engine/understanding/vietnameseCase';

const page = (text: string, n = 1) => ({ n, text });
const HEAD = 'ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Phú, ngày 5 tháng 3 năm 2024\n';

describe('header extraction', () => {
  it('reads the Decree 30 header, tolerating OCR noise in the number line', () => {
    const { header } = understandPages([
      page('UBND TỈNH SÓC TRĂNG\nSỞ TƯ PHÁP\nSố: 3869 /STP- NC\nV/v tổ chức hội nghị\ntập huấn pháp luật\nSóc Trăng, ngày 26 tháng 11 năm 2024\nKính gửi: Các sở.\nNội dung.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn An'),
    ]);
    expect(header.numberNotation?.value).toBe('3869/STP-NC');
    expect(header.issuer?.value).toBe('Sở Tư pháp tỉnh Sóc Trăng');
    expect(header.issuedDate?.value).toBe('2024-11-26');
    expect(header.place?.value).toBe('Sóc Trăng');
    expect(header.docType?.value).toBe('Công văn');
    expect(header.subject?.value).toBe('V/v tổ chức hội nghị tập huấn pháp luật');
    expect(header.signerTitle?.value).toBe('Phó Giám đốc');
    expect(header.signer?.value).toBe('Trần Văn An');
    expect(header.recipients?.value).toBe('Như trên;\nLưu: VT.');
    expect(header.issuedDate?.page).toBe(1);
  });

  it('normalises issuer capitals and old tone placement', () => {
    expect(bodyCase('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(normaliseTonePlacement('Uỷ ban xã Hoà Bình')).toBe('Ủy ban xã Hòa Bình');
  });
});

describe('stamps', () => {
  it('tells secrecy from urgency and ignores ordinary words', () => {
    const stamps = findStamps([page(`${HEAD}TỐI MẬT\nKHẨN\nmật độ dân số cao; đổi mật khẩu; bảo vệ bí mật nhà nước; xã An Ninh`)]);
    expect(stamps.map((s) => [s.kind, s.level])).toEqual([
      ['secrecy', 'Tối mật'],
      ['urgency', 'Khẩn'],
    ]);
  });
});

describe('access suggestion', () => {
  const suggest = (text: string, more: string[] = []) => understandPages([page(text), ...more.map((t, i) => page(t, i + 2))]).suggestion;

  it('a secrecy stamp on page 1 makes the whole document secret, citing it', () => {
    const s = suggest(`${HEAD}MẬT\nKẾ HOẠCH\nDiễn tập\nNội dung.`, ['Trang hai không có dấu.']);
    expect(s).toMatchObject({ class: 'secret', basisId: 'L104.D6.K1', reasons: [{ text: 'MẬT', page: 1, rule: 'secret.stamp' }] });
  });

  it('a KHẨN stamp alone is not secret; "mật độ", "mật khẩu", "bí mật" in prose and "An Ninh" do not trip it', () => {
    const s = suggest(`${HEAD}KHẨN\nKẾ HOẠCH\nTriển khai chương trình năm 2024\nMật độ dân số 489 người/km²; thay đổi mật khẩu; giữ bí mật nhà nước tại xã An Ninh.`);
    expect(s.class).toBe('public');
  });

  it('internal meeting minutes without a stamp are secret (internal meeting)', () => {
    const s = suggest(`${HEAD.replace('KH-UBND', 'BB-UBND')}BIÊN BẢN\nHọp Thường trực Ủy ban nhân dân huyện\nThời gian: 8 giờ.\nCác ý kiến tại cuộc họp là ý kiến nội bộ, chưa công bố.`);
    expect(s).toMatchObject({ class: 'secret', basisId: 'L104.D6.K2' });
  });

  it('"lưu hành nội bộ" makes a document secret', () => {
    expect(suggest(`${HEAD}KẾ HOẠCH\nCông tác năm 2024\nTài liệu lưu hành nội bộ.`).class).toBe('secret');
  });

  it('personal data of a named person makes it conditional, with positions', () => {
    const text = `${HEAD}THÔNG BÁO\nKết quả giải quyết đơn\nỦy ban nhận đơn của bà Trần Thị Bé, sinh ngày 01/02/1970, Căn cước công dân số 094170000001, nơi cư trú: ấp Mỹ Hòa, xã An Phú, huyện An Phú; số điện thoại: 0912.345.678.`;
    const s = suggest(text);
    expect(s).toMatchObject({ class: 'conditional', basisId: 'L104.D7.K2' });
    const found = findPersonalData([page(text)]);
    expect(found.map((f) => f.kind)).toEqual(expect.arrayContaining(['name', 'birth-date', 'cccd', 'address', 'phone']));
    const cccd = found.find((f) => f.kind === 'cccd')!;
    expect(text.slice(cccd.start, cccd.end)).toBe('094170000001');
  });

  it('a 9-digit CMND number counts only next to its label', () => {
    expect(findPersonalData([page('số CMND 365123456 cấp ngày')]).map((f) => f.kind)).toEqual(['cmnd']);
    expect(findPersonalData([page('dân số 365123456 người')])).toEqual([]);
  });

  it('health and social-assistance status of people in a table', () => {
    const table = 'STT Họ và tên Năm sinh Địa chỉ Tình trạng sức khỏe\n1 Lý Văn Ba 1960 ấp Chợ, xã An Phú 0912.111.222 Sốt 38,5°C, ho\nkhan\n2 Kim Thị\nTư\n1970 ấp Mới, xã An Phú Người khuyết tật\nđặc biệt nặng\n540.000\nTổng cộng: 2 người.';
    const kinds = findPersonalData([page(table)]).map((f) => `${f.kind}:${f.text.replace(/\s+/g, ' ')}`);
    expect(kinds).toEqual(expect.arrayContaining(['name:Lý Văn Ba', 'name:Kim Thị Tư', 'health:Sốt 38,5°C, ho khan', 'social-status:Người khuyết tật đặc biệt nặng', 'address:ấp Chợ, xã An Phú']));
  });

  it("an office phone in a public invitation is not a person's data", () => {
    const s = suggest(`${HEAD.replace('KH-UBND', 'GM-UBND')}GIẤY MỜI\nDự hội nghị tập huấn pháp luật\nĐăng ký qua số điện thoại 0299.3822.517.`);
    expect(s.class).toBe('public');
  });

  it('business secrets of a named company make it conditional; published results do not', () => {
    expect(suggest(`${HEAD.replace('KH-UBND', 'TTr-BQLDA')}TỜ TRÌNH\nĐề nghị phê duyệt danh sách nhà thầu\nCông ty Cổ phần Xanh: giá dự thầu 11.000.000.000 đồng.`)).toMatchObject({ class: 'conditional', basisId: 'L104.D7.K1' });
    expect(suggest(`${HEAD.replace('KH-UBND', 'TB-UBND')}THÔNG BÁO\nKết quả lựa chọn nhà thầu gói thầu số 3\nNhà thầu trúng thầu Công ty TNHH Phú Điền, giá dự thầu 5.000.000.000 đồng.`)).toMatchObject({ class: 'public', basisId: 'L104.D17.K1.g' });
  });

  it('Art. 17 subjects are public with their point; no signal needs review, never public by default', () => {
    expect(suggest(`${HEAD.replace('KH-UBND', 'TTr-UBND')}TỜ TRÌNH\nVề dự toán ngân sách năm 2025\nKính gửi: HĐND.`).basisId).toBe('L104.D17.K1.dd');
    expect(suggest(`${HEAD.replace('KH-UBND', 'UBND-VP')}V/v cử cán bộ đi công tác\nKính gửi: Sở Nội vụ.\nCử ông.`)).toMatchObject({ class: null, basisId: null, reasons: [{ rule: 'needs-review' }] });
  });
});

describe('legal-basis registry', () => {
  it('loads and validates; every rule ground exists in both versions; the 2026 version is unverified', () => {
    const reg = loadLegalRegistry();
    for (const version of reg.versions()) {
      for (const ground of ['state-secret', 'internal-or-harmful', 'business-secret', 'private-life', 'publish:budget', 'publish:plans-and-programmes']) {
        expect(reg.byGround(ground, version).id).toBeTruthy();
      }
    }
    expect(reg.entries('2026').every((e) => !e.verified)).toBe(true);
    expect(reg.citation(reg.find('L104.D7.K2')!)).toBe('khoản 2 Điều 7 Luật Tiếp cận thông tin 104/2016/QH13');
  });

  it('rejects a malformed registry', () => {
    const bad = { schemaVersion: 1, defaultVersion: 'x', versions: [{ id: 'y', title: '', effectiveFrom: '2020-01-01', effectiveTo: null, instruments: [{ id: 'i', number: '1', titleVi: 't' }], entries: [] }] };
    expect(RegistrySchema.safeParse(bad).success).toBe(false);
  });
});
