/**
 * Evidence other than stamps and personal data: internal-document markers, business secrets of a
 * named company, and the kinds of document Art. 17 of the law lists for publication. Matching is
 * on folded text (OCR-tolerant), phrase by phrase — a bare word like "mật" or "nội bộ" never
 * counts on its own ("an ninh nội bộ", "mật độ").
 */
import { fold } from '../../../shared/text/vietnamese';
import { foldSameLength, type PageText } from './pageText';

export interface Signal {
  /** Rule id, also the reason's `rule`. */
  rule: string;
  /** Registry ground the rule points to. */
  ground: string;
  text: string;
  page: number;
  start: number;
  end: number;
}

const f = (phrases: string[]) => new RegExp(`(?<![a-z])(?:${phrases.map((p) => fold(p).replace(/ /g, '\\s+')).join('|')})(?![a-z])`, 'g');

/** Marks that a document is for internal circulation or records an internal meeting's views. */
const INTERNAL_MARKS = f([
  'lưu hành nội bộ',
  'tài liệu nội bộ',
  'ý kiến nội bộ',
  'họp nội bộ',
  'cuộc họp nội bộ',
  'phục vụ công việc nội bộ',
  'cho công việc nội bộ',
  'trao đổi nội bộ',
  'bí mật công tác',
]);
/** A document saying of itself that it is kept as classified ("văn kiện này được quản lý theo chế độ tài liệu tối mật"). */
const SELF_CLASSIFIED = /(van ban|van kien|tai lieu) nay (duoc )?(quan ly|bao quan) theo che do (tai lieu )?(tuyet mat|toi mat|mat)(?![a-z])/g;
/** Business secrets of an enterprise: bid prices, proprietary technology. */
const BUSINESS_MARKS = f(['giá dự thầu', 'bí mật kinh doanh', 'bí quyết công nghệ', 'công thức riêng', 'thông tin do nhà thầu cung cấp', 'không công bố, cung cấp cho bên thứ ba']);
const NAMED_ENTERPRISE = /(?<![a-z])(cong ty|lien danh|doanh nghiep|tap doan|hop tac xa)\s+(co phan|tnhh|\S)/;
/** Announcements of results are published by law: their prices are not secrets any more. */
const PUBLISHED_RESULT = /ket qua (lua chon nha thau|dau thau|trung thau)|gia trung thau/;

/** Art. 17 kinds, tried in order on the subject (then the type). */
const PUBLICATION: { ground: string; rule: string; re: RegExp }[] = [
  { ground: 'publish:legal-and-procedures', rule: 'publish.procedures', re: f(['thủ tục hành chính', 'quy trình giải quyết', 'văn bản quy phạm pháp luật', 'ban hành quy chế', 'ban hành quy định']) },
  { ground: 'publish:public-investment-and-procurement', rule: 'publish.procurement', re: f(['lựa chọn nhà thầu', 'kết quả đấu thầu', 'mua sắm công', 'đầu tư công', 'kế hoạch đấu thầu']) },
  { ground: 'publish:budget', rule: 'publish.budget', re: f(['dự toán ngân sách', 'dự toán thu', 'dự toán chi', 'quyết toán ngân sách', 'thực hiện ngân sách', 'ngân sách nhà nước', 'ngân sách địa phương', 'công khai ngân sách']) },
  { ground: 'publish:personnel', rule: 'publish.recruitment', re: f(['tuyển dụng', 'thi tuyển', 'xét tuyển']) },
  { ground: 'publish:drafts-and-consultation', rule: 'publish.consultation', re: f(['lấy ý kiến nhân dân', 'lấy ý kiến cộng đồng', 'dự thảo văn bản quy phạm']) },
  { ground: 'publish:plans-and-programmes', rule: 'publish.plans', re: f(['kế hoạch', 'quy hoạch', 'chương trình', 'chiến lược', 'đề án', 'nông thôn mới']) },
  { ground: 'publish:law-guidance', rule: 'publish.law-guidance', re: f(['phổ biến', 'giáo dục pháp luật', 'tập huấn', 'hướng dẫn thực hiện', 'hướng dẫn thi hành', 'tuyên truyền']) },
  { ground: 'publish:aid-and-funds', rule: 'publish.aid', re: f(['vốn oda', 'cứu trợ', 'vận động ủng hộ', 'quỹ phòng']) },
];
/** Types whose very kind Art. 17 lists (plans, programmes). */
const TYPE_PUBLICATION: Record<string, { ground: string; rule: string }> = {
  'Kế hoạch': { ground: 'publish:plans-and-programmes', rule: 'publish.plans' },
  'Chương trình': { ground: 'publish:plans-and-programmes', rule: 'publish.plans' },
  'Đề án': { ground: 'publish:plans-and-programmes', rule: 'publish.plans' },
};

function lineAround(text: string, start: number, end: number): { text: string; start: number; end: number } {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  let e = text.indexOf('\n', end);
  if (e < 0) e = text.length;
  return { text: text.slice(s, e).trim(), start: s, end: e };
}

export function findInternalSignals(pages: PageText[], docType: string | null, subject: string | null): Signal[] {
  const out: Signal[] = [];
  for (const page of pages) {
    const folded = foldSameLength(page.text.normalize('NFC'));
    for (const re of [INTERNAL_MARKS, SELF_CLASSIFIED]) {
      for (const m of folded.matchAll(re)) {
        const around = lineAround(page.text, m.index, m.index + m[0].length);
        const selfClassified = re === SELF_CLASSIFIED;
        out.push({
          rule: selfClassified ? 'secret.self-classified' : 'secret.internal-mark',
          ground: selfClassified ? 'state-secret' : 'internal-or-harmful',
          text: page.text.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' '),
          page: page.n,
          start: m.index,
          end: m.index + m[0].length,
        });
        void around;
      }
    }
  }
  // Minutes of an agency's own meeting (not a public consultation) are internal.
  if (docType === 'Biên bản' && subject) {
    const s = fold(subject);
    const meeting = /(^|\s)hop(\s|$)/.test(s);
    const publicMeeting = /(lay y kien|cong dong|(?<!(uy ban|hoi dong|toa an|vien kiem sat) )nhan dan|dan cu|cong khai|doi thoai|tiep cong dan)/.test(s);
    if (meeting && !publicMeeting && out.some((x) => x.rule === 'secret.internal-mark')) {
      const first = pages[0]!;
      const at = first.text.indexOf(subject.split(' ').slice(0, 3).join(' '));
      out.push({ rule: 'secret.internal-minutes', ground: 'internal-or-harmful', text: subject, page: first.n, start: Math.max(at, 0), end: Math.max(at, 0) + subject.length });
    }
  }
  return out;
}

export function findBusinessSecrets(pages: PageText[], subject: string | null): Signal[] {
  const all = pages.map((p) => fold(p.text)).join('\n');
  if (PUBLISHED_RESULT.test(fold(subject ?? ''))) return [];
  if (!NAMED_ENTERPRISE.test(all)) return [];
  const out: Signal[] = [];
  for (const page of pages) {
    const folded = foldSameLength(page.text.normalize('NFC'));
    for (const m of folded.matchAll(BUSINESS_MARKS)) {
      out.push({ rule: 'conditional.business-secret', ground: 'business-secret', text: page.text.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' '), page: page.n, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** The Art. 17 kind of a document from its subject, else its type. */
export function findPublicationSignal(docType: string | null, subject: { text: string; page: number; start: number } | null): Signal | null {
  if (subject) {
    const folded = fold(subject.text);
    for (const p of PUBLICATION) {
      p.re.lastIndex = 0;
      const m = p.re.exec(folded);
      if (m) return { rule: p.rule, ground: p.ground, text: subject.text, page: subject.page, start: subject.start, end: subject.start + subject.text.length };
    }
  }
  const byType = docType ? TYPE_PUBLICATION[docType] : undefined;
  if (byType && subject) return { ...byType, text: `${docType}: ${subject.text}`, page: subject.page, start: subject.start, end: subject.start + subject.text.length };
  return null;
}
