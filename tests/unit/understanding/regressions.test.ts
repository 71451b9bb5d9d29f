import { describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';

/** The two inputs of issue 10 that made an internal document come out public. */
const page = (text: string) => ({ n: 1, text });
const PLAN = (marker: string) =>
  `ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Phú, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai chương trình chuyển đổi số năm 2024\n${marker}\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả công tác.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A`;

describe('issue 10 regressions: internal documents never come out public', () => {
  it.each(['Tài liệu lưu hanh nội bộ.', 'Tài liệu lưu hành nôi bộ.', 'TÀI LIỆU LƯU HANH NÔI BỘ'])('an OCR slip in "lưu hành nội bộ" (%s) still makes a plan secret under Art. 6 cl. 2', (marker) => {
    const s = understandPages([page(PLAN(marker))]).suggestion;
    expect(s.class).toBe('secret');
    expect(s.basisId).toBe('L104.D6.K2');
  });

  it('"bí mật công tác" — the Art. 6 cl. 2 wording — makes a plan secret, not public', () => {
    const s = understandPages([page(PLAN('Nội dung kế hoạch thuộc bí mật công tác, không được sao chụp.'))]).suggestion;
    expect(s.class).toBe('secret');
    expect(s.basisId).toBe('L104.D6.K2');
  });
});
