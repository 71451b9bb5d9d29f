import { describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';
import { findPersonalData } from '../../../electron/engine/understanding/personalData';
import { recogniseTitle } from '../../../electron/engine/understanding/headerExtractor';
import { cells, knownSector, restorePhrases, stripEdgeNoise, unglueAbbreviations } from '../../../electron/engine/understanding/ocrNoise';

const page = (text: string, n = 1) => ({ n, text });
const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n';
const header = (text: string) => understandPages([page(text)]).header;

describe('OCR noise helpers', () => {
  it('strips marks at the edges of words and cells, keeps inner punctuation', () => {
    expect(stripEdgeNoise("'TỈNH SÓC TRĂNG.")).toBe('TỈNH SÓC TRĂNG');
    expect(stripEdgeNoise('HUYỆN MỸ XUYÊN ˆ „')).toBe('HUYỆN MỸ XUYÊN');
    expect(stripEdgeNoise('_Lý Thanh Hiếu')).toBe('Lý Thanh Hiếu');
    expect(stripEdgeNoise('SỞ LAO ĐỘNG - THƯƠNG BINH -')).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH');
  });

  it('splits a line read across columns into cells', () => {
    expect(cells('Nơi nhận:\t75ý đạn\t"GIÁM ĐỐC').map((c) => c.text)).toEqual(['Nơi nhận:', '75ý đạn', '"GIÁM ĐỐC']);
    expect(cells('UBND HUYỆN A      TRUNG TÂM Y TẾ').map((c) => c.text)).toEqual(['UBND HUYỆN A', 'TRUNG TÂM Y TẾ']);
  });

  it('unglues abbreviations and recognises sector names glued or without accents', () => {
    expect(unglueAbbreviations('UBNDTỈNH AN GIANG')).toBe('UBND TỈNH AN GIANG');
    expect(knownSector('TƯPHÁP')).toBe('Tư pháp');
    expect(knownSector('TAI NGUYEN VA MOI TRUONG')).toBe('Tài nguyên và Môi trường');
    expect(knownSector('PHÒNG CHÁY')).toBeNull();
  });

  it("restores diacritics of whole administrative phrases only, keeping the printed case", () => {
    expect(restorePhrases('quy hoạch chỉ tiết xây dựng')).toBe('quy hoạch chi tiết xây dựng');
    expect(restorePhrases('các trường hợp nghỉ nhiễm')).toBe('các trường hợp nghi nhiễm');
    expect(restorePhrases('Bổ trí quỹ đất')).toBe('Bố trí quỹ đất');
    // A single word is never changed: "chỉ" alone may be right.
    expect(restorePhrases('chỉ còn 3 ngày; chi 5 triệu')).toBe('chỉ còn 3 ngày; chi 5 triệu');
  });

  it('recognises signer titles with OCR slips, not other capitals', () => {
    expect(recogniseTitle('GIAM ĐỌC')).toEqual({ title: 'Giám đốc', exact: true });
    expect(recogniseTitle('LAM ĐỌC')?.title).toBe('Giám đốc');
    expect(recogniseTitle('CHU TỊCH')?.title).toBe('Chủ tịch');
    expect(recogniseTitle('CHỦ TRÌ')).toBeNull();
    expect(recogniseTitle('THƯ KÝ')).toBeNull();
  });
});

describe('header extraction from OCR-like text', () => {
  it('reads a number line whose slash was lost, and drops debris after the notation', () => {
    expect(header(`ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 35UBND-NC\n${MOTTO}`).numberNotation?.value).toBe('35/UBND-NC');
    expect(header(`ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 96/TB-UBND. -\n${MOTTO}`).numberNotation?.value).toBe('96/TB-UBND');
    // Without a dash the digits and letters are not split (could be anything).
    expect(header(`ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 35 ngày\n${MOTTO}`).numberNotation).toBeUndefined();
  });

  it('reads the issuer from a header read across columns, with debris and glued words', () => {
    const h = header(`UBND HUYỆN CÙ LAO DUNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TRUNG TÂM Y TẾ\nSố: 67/BC-TTYT\nĐộc lập - Tự do - Hạnh phúc\n`);
    expect(h.issuer?.value).toBe('Trung tâm Y tế huyện Cù Lao Dung');
    expect(header(`UBND TỈNH AN GIANG.\nSỞ TƯPHÁP\nSố: 1/GM-STP\n${MOTTO}`).issuer?.value).toBe('Sở Tư pháp tỉnh An Giang');
    expect(header(`ỦY BAN NHÂN DÂN\n'TỈNH AN GIANG ˆ\nSố: 1/QĐ-UBND\n${MOTTO}`).issuer?.value).toBe('Ủy ban nhân dân tỉnh An Giang');
    expect(header(`UBND TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ TÀI NGUYÊN VÀ MÔI -\nĐộc lập - Tự do - Hạnh phúc\nTRƯỜNG\tw\taa_n.Ặ.\nSố: 1/TTr-STNMT\n`).issuer?.value).toBe(
      'Sở Tài nguyên và Môi trường tỉnh An Giang',
    );
  });
});

describe('signer title from an OCR-damaged title block', () => {
  const sign = (block: string) => header(`ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 1/BC-UBND\n${MOTTO}BÁO CÁO\nNội dung báo cáo.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n${block}`);

  it('KT. means the deputy signs, whatever OCR kept of the second line', () => {
    expect(sign('KT. CHỦ TỊCH\nCHU TỊCH\nTrần Văn An').signerTitle?.value).toBe('Phó Chủ tịch');
    expect(sign('KT. CHỦ TỊCH\nbạ\nTrần Văn An').signerTitle?.value).toBe('Phó Chủ tịch');
    expect(sign('KT. CHÁNH THANH TRA\nTrần Văn An').signerTitle?.value).toBe('Phó Chánh Thanh tra');
  });

  it('a title repeated on two lines is a KT. block that lost "KT." and "PHÓ"', () => {
    expect(sign('T. GIÁM ĐỐC\nz<\nGIAM ĐỌC\nTrần Văn An').signerTitle?.value).toBe('Phó Giám đốc');
    expect(sign('GIÁM ĐỐC\nLAM ĐỌC\nTrần Văn An').signerTitle?.value).toBe('Phó Giám đốc');
  });

  it('TM. of a people’s committee is its Chủ tịch; TL. … VĂN PHÒNG is the Chánh Văn phòng; a lone title is read as is', () => {
    expect(sign('TM.ỦY BAN NHÂN DÂN\nG\tTỊCH\nTrần Văn An').signerTitle?.value).toBe('Chủ tịch');
    expect(sign('__TM. ỦY BAN NHÂN DÂN\nCHU TỊCH\nhs.\nTrần Văn An').signerTitle?.value).toBe('Chủ tịch');
    expect(sign('L. CHỦ TỊCH\nVĂN PHÒNG\nTrần Văn An').signerTitle?.value).toBe('Chánh Văn phòng');
    expect(sign('CHỦ TỊCH\nTrần Văn An -').signerTitle?.value).toBe('Chủ tịch');
    expect(sign('CHỦ TỊCH\nTrần Văn An -').signer?.value).toBe('Trần Văn An');
  });

  it('a title not in the list is read from the clean capitals line above the name; minutes roles are not titles', () => {
    expect(sign('CHỦ NHIỆM\nTrần Văn An').signerTitle?.value).toBe('Chủ nhiệm');
    expect(sign('Ủ TRÌ\nTrần Văn An').signerTitle).toBeUndefined();
  });

  it('finds the title in a cell beside "Nơi nhận" (columns read across)', () => {
    const h = header(`SỞ TÀI CHÍNH\nSố: 1/BC-STC\n${MOTTO}BÁO CÁO\nNội dung.\nNơi nhận:\t75ý đạn\t"GIÁM ĐỐC\n- UBND tỉnh;\n- Lưu: VT.\nPhan Thị Ngọc Diễm`);
    expect(h.signerTitle?.value).toBe('Giám đốc');
    expect(h.signer?.value).toBe('Phan Thị Ngọc Diễm');
  });
});

describe('subject from OCR-like text', () => {
  const HEAD = `ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/BC-UBND\n${MOTTO}An Phú, ngày 5 tháng 3 năm 2024\n`;

  it('takes the subject from the title line when OCR put both on one line, and cuts a section heading that ran in', () => {
    const h = header(`${HEAD}BÁO CÁO Tình hình an ninh nông thôn, an ninh tôn giáo. 9 tháng đầu năm 2021 I. TÌNH HÌNH\n1. An ninh nông thôn: ổn định.`);
    expect(h.docType?.value).toBe('Báo cáo');
    expect(h.subject?.value).toBe('Tình hình an ninh nông thôn, an ninh tôn giáo 9 tháng đầu năm 2021');
  });

  it('reads a glued title and skips debris before the stop words', () => {
    const h = header(`${HEAD.replace('BC-UBND', 'BB-UBND')}BIÊNBẢN\nHọp Ban Giám đốc Sở tháng 6\n— Thời gian: 14 giờ 00 phút.\nNội dung.`);
    expect(h.docType?.value).toBe('Biên bản');
    expect(h.subject?.value).toBe('Họp Ban Giám đốc Sở tháng 6');
  });

  it('stops at an authority line in capitals glued to the preamble, drops end debris, restores phrases', () => {
    const h = header(`${HEAD.replace('BC-UBND', 'QĐ-UBND')}QUYẾT ĐỊNH\nVề việc phê duyệt quy hoạch chỉ tiết khu dân cư -\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN AN PHÚ Căn cứ Luật Tổ chức chính quyền địa phương;`);
    expect(h.subject?.value).toBe('Về việc phê duyệt quy hoạch chi tiết khu dân cư');
  });

  it('a title in capitals followed by a lower-case word is not a title with a subject', () => {
    expect(header(`${HEAD}BÁO CÁO của Ủy ban nhân dân\nNội dung.`).subject).toBeUndefined();
  });
});

describe('personal data in OCR-like text', () => {
  const found = (text: string) => findPersonalData([page(text)]).map((f) => [f.kind, f.text]);

  it('phone numbers grouped irregularly by OCR', () => {
    expect(found('số điện thoại 0354 524429.')).toContainEqual(['phone', '0354 524429']);
    expect(found('số điện thoại: 0323. 840.880.')).toContainEqual(['phone', '0323. 840.880']);
    // Not a phone: an amount or an ID number.
    expect(found('kinh phí 300.000.000 đồng').filter(([k]) => k === 'phone')).toEqual([]);
  });

  it('a people table whose header words are glued and whose row numbers carry debris', () => {
    const table = 'STT\tHọ vàtên\tNgày sinh\tNơi cư trú\n1\tLê Văn An\t10/12/1964\tấp Phước Thuận, xã Phú Tân\n2_\tTrần Thị Bình\t22/02/1939\tấp Bưng Cốc, xã Thuận Hòa\n-3\tKim Văn Ba\t01/03/1970\tấp Chợ, thị trấnCù Lao Dung\nTổng cộng: 3.';
    const f = found(table);
    expect(f).toContainEqual(['name', 'Trần Thị Bình']);
    expect(f).toContainEqual(['name', 'Kim Văn Ba']);
    expect(f).toContainEqual(['birth-date', '22/02/1939']);
    expect(f).toContainEqual(['address', 'ấp Chợ, thị trấnCù Lao Dung']);
  });

  it('glued unit words are not addresses outside a personal context', () => {
    expect(found('Hội nghị tại ấp Hòa Nhờ A, thị trấnCù Lao Dung.').filter(([k]) => k === 'address')).toEqual([]);
  });
});
