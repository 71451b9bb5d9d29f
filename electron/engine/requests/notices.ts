/**
 * The notices to a requester (acceptance, extension, refusal with reasons, provision with the list
 * of files), from the register's data and the agency's details (catalogue/agencySettings.ts), as
 * DOCX and PDF. Each generated notice is kept (store + files table + request_notices), so the
 * register shows what was sent and a backup carries it.
 */
import { nowIso, type Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { appendAudit } from '../audit/auditLog';
import { readAgencySettings } from '../catalogue/agencySettings';
import { AppError } from '../../../shared/domain/errors';
import type { RequestDetail } from '../../../shared/contract/requests';
import { viDate } from './dates';
import { letterDocx, letterPdf, type Letter } from './letter';
import type { RequestRules } from './requestRules';

export type NoticeKind = 'acceptance' | 'extension' | 'refusal' | 'provision';

export const CHANNEL_VI: Record<RequestDetail['channel'], string> = {
  'in-person': 'trực tiếp tại trụ sở',
  post: 'dịch vụ bưu chính',
  email: 'thư điện tử',
  portal: 'cổng/trang thông tin điện tử của cơ quan',
  phone: 'điện thoại',
  fax: 'fax',
  'national-portal': 'Cổng Dịch vụ công quốc gia',
  app: 'ứng dụng trên thiết bị di động',
};

export const FEE_VI: Record<string, string> = {
  print: 'In',
  copy: 'Sao',
  photo: 'Chụp',
  postage: 'Gửi qua bưu chính',
  fax: 'Gửi fax',
};

const money = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

function placeDate(address: string | null, iso: string): string {
  const place =
    address
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop() ?? '……';
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export interface NoticeContext {
  db: Db;
  store: FileStore;
  rules: RequestRules;
  actor: string;
  today: () => string;
}

export function noticeLetter(ctx: NoticeContext, r: RequestDetail, kind: NoticeKind): Letter {
  const agency = readAgencySettings(ctx.db);
  const version = ctx.rules.version(r.lawVersion);
  const date = kind === 'refusal' || kind === 'provision' ? (r.answeredDate ?? ctx.today()) : ctx.today();
  const whom = r.requesterKind === 'organisation' ? 'tổ chức' : 'ông/bà';
  const base = {
    agencyName: agency.name ?? 'Cơ quan cung cấp thông tin',
    placeDate: placeDate(agency.address, date),
    title: version.forms[kind].toUpperCase(),
    subtitle: `Số yêu cầu: ${r.id}/YCCCTT — ${version.formsCitation}`,
    signer: { position: agency.focalPosition ?? 'Thủ trưởng cơ quan', name: agency.focalName ?? '' },
    dateIso: date,
  };
  const addressed = `Kính gửi: ${r.requesterName}${r.requesterContact ? ` (${r.requesterContact})` : ''}.`;
  const received = `${base.agencyName} đã nhận được yêu cầu cung cấp thông tin của ${whom} ${r.requesterName} ngày ${viDate(r.receivedDate)} qua ${CHANNEL_VI[r.channel]}. Nội dung yêu cầu: ${r.subject}.`;
  switch (kind) {
    case 'acceptance':
      return {
        ...base,
        paragraphs: [
          addressed,
          received,
          `Yêu cầu đã được tiếp nhận và vào sổ theo dõi. Thời hạn giải quyết: chậm nhất ngày ${viDate(r.dueDate)} (theo ${r.limitCitation}; thời hạn tính theo ngày làm việc, không kể ngày nghỉ hằng tuần, ngày nghỉ lễ, tết).`,
          agency.focalName
            ? `Đầu mối cung cấp thông tin: ${agency.focalName}${agency.focalPhone ? `, điện thoại ${agency.focalPhone}` : ''}${agency.focalEmail ? `, thư điện tử ${agency.focalEmail}` : ''}.`
            : '',
        ].filter(Boolean),
      };
    case 'extension':
      if (!r.extended)
        throw new AppError('INVALID_INPUT', 'request not extended', { detailVi: 'Yêu cầu này chưa được gia hạn.' });
      return {
        ...base,
        paragraphs: [
          addressed,
          received,
          `Lý do gia hạn: ${r.extensionReason ?? ''}.`,
          `Thời hạn cung cấp thông tin được gia hạn đến ngày ${viDate(r.dueDate)} (${r.limitCitation}).`,
        ],
      };
    case 'refusal': {
      if (r.status !== 'refused' && r.status !== 'partly_answered')
        throw new AppError(
          'INVALID_INPUT',
          'request not refused',
          { detailVi: 'Yêu cầu này không bị từ chối (toàn bộ hoặc một phần).' },
        );
      return {
        ...base,
        paragraphs: [
          addressed,
          received,
          r.status === 'partly_answered'
            ? `${base.agencyName} cung cấp một phần thông tin (xem thông báo cung cấp thông tin) và từ chối cung cấp phần còn lại vì các lý do sau:`
            : `${base.agencyName} từ chối cung cấp thông tin vì các lý do sau:`,
          ...r.outcomeBases.map((b, i) => `${i + 1}. ${b.titleVi} (${b.citation}).`),
          r.outcomeNote ? `Ghi chú: ${r.outcomeNote}` : '',
          `${whom[0]!.toUpperCase()}${whom.slice(1)} có quyền khiếu nại, khởi kiện theo quy định của pháp luật.`,
        ].filter(Boolean),
      };
    }
    case 'provision': {
      if (r.status !== 'answered' && r.status !== 'partly_answered')
        throw new AppError(
          'INVALID_INPUT',
          'request not answered',
          { detailVi: 'Yêu cầu này chưa được trả lời bằng việc cung cấp thông tin.' },
        );
      const provided = r.documents.filter((d) => d.provided);
      const feeTotal = r.fees.reduce((a, f) => a + f.amount, 0);
      return {
        ...base,
        paragraphs: [
          addressed,
          received,
          provided.length > 0
            ? `${base.agencyName} cung cấp ${provided.length} tài liệu sau (bản được phép cung cấp, ngày ${viDate(r.answeredDate)}):`
            : `${base.agencyName} cung cấp thông tin theo nội dung yêu cầu (ngày ${viDate(r.answeredDate)}).`,
        ],
        ...(provided.length > 0
          ? {
              table: {
                header: ['STT', 'Tên tài liệu', 'Số, ký hiệu', 'Tệp'],
                widths: [6, 50, 20, 24],
                rows: provided.map((d, i) => [
                  String(i + 1),
                  d.title,
                  d.numberNotation ?? '',
                  `tai-lieu-${d.id}.pdf`,
                ]),
              },
            }
          : {}),
        closing: [
          feeTotal > 0
            ? `Chi phí thực tế phải trả: ${r.fees.map((f) => `${FEE_VI[f.kind] ?? f.kind}: ${money(f.amount)}`).join('; ')} — tổng cộng ${money(feeTotal)} (${version.feeCitation}).`
            : 'Không thu chi phí.',
          r.outcomeNote ? `Ghi chú: ${r.outcomeNote}` : '',
        ].filter(Boolean),
      };
    }
  }
}

/** Builds the notice, keeps both files, audits, and returns both. */
export async function generateNotice(
  ctx: NoticeContext,
  r: RequestDetail,
  kind: NoticeKind,
): Promise<{ docx: Uint8Array; pdf: Uint8Array; fileStem: string }> {
  const letter = noticeLetter(ctx, r, kind);
  const [docx, pdf] = await Promise.all([letterDocx(letter), letterPdf(letter)]);
  const docxSha = await ctx.store.put(docx);
  const pdfSha = await ctx.store.put(pdf);
  const now = nowIso();
  ctx.db
    .transaction(() => {
      const ins = ctx.db.prepare(
        'INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)',
      );
      ins.run(
        docxSha,
        docx.length,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        now,
      );
      ins.run(pdfSha, pdf.length, 'application/pdf', now);
      const info = ctx.db
        .prepare(
          'INSERT INTO request_notices (request_id, kind, docx_sha256, pdf_sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(r.id, kind, docxSha, pdfSha, ctx.actor, now);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'request.notice',
        payload: { requestId: r.id, kind, notice: Number(info.lastInsertRowid), docx: docxSha, pdf: pdfSha },
      });
    })
    .immediate();
  return { docx, pdf, fileStem: `thong-bao-${kind}-yeu-cau-${r.id}` };
}
