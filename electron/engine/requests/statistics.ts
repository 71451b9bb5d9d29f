/**
 * Yearly statistics for the agency's annual report: requests received per channel, answered on
 * time / late, partly answered, refused per legal ground, costs charged; documents disclosed
 * proactively per Art. 17 point and per month (approved public decisions in the year). Counts
 * only — no requester data — so the XLSX/PDF report can be filed as it is.
 */
import type { Db } from '../archive/database';
import {
  REQUEST_CHANNELS,
  FEE_KINDS,
  type Fee,
  type YearStatistics,
} from '../../../shared/contract/requests';
import { xlsx } from '../catalogue/ooxml';
import { pdfTable } from '../catalogue/pdfTable';
import { legalRegistry } from '../understanding/legalRegistry';
import type { RequestRules } from './requestRules';
import { CHANNEL_VI, FEE_VI } from './notices';

interface Row {
  received_date: string;
  channel: (typeof REQUEST_CHANNELS)[number];
  status: string;
  due_date: string;
  answered_date: string | null;
  outcome_bases: string;
  fees: string;
  law_version: string;
}

export function yearStatistics(db: Db, rules: RequestRules, year: number, today: string): YearStatistics {
  const rows = db
    .prepare(
      'SELECT received_date, channel, status, due_date, answered_date, outcome_bases, fees, law_version FROM requests WHERE received_date BETWEEN ? AND ?',
    )
    .all(`${year}-01-01`, `${year}-12-31`) as Row[];
  const byChannel = new Map<string, number>();
  const byMonth = Array<number>(12).fill(0);
  const grounds = new Map<string, { code: string; titleVi: string; count: number }>();
  const fees = new Map<string, number>();
  const out = { answered: 0, partlyAnswered: 0, refused: 0, withdrawn: 0, open: 0 };
  let onTime = 0;
  let late = 0;
  let openOverdue = 0;
  for (const r of rows) {
    byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + 1);
    byMonth[Number(r.received_date.slice(5, 7)) - 1]! += 1;
    if (r.status === 'answered') out.answered += 1;
    else if (r.status === 'partly_answered') out.partlyAnswered += 1;
    else if (r.status === 'refused') out.refused += 1;
    else if (r.status === 'withdrawn') out.withdrawn += 1;
    else {
      out.open += 1;
      if (r.due_date < today) openOverdue += 1;
    }
    if (r.answered_date && r.status !== 'withdrawn') {
      if (r.answered_date <= r.due_date) onTime += 1;
      else late += 1;
    }
    if (r.status === 'refused' || r.status === 'partly_answered') {
      for (const code of JSON.parse(r.outcome_bases) as string[]) {
        const g = grounds.get(code) ?? {
          code,
          titleVi: rules.refusalBasis(r.law_version, code)?.titleVi ?? code,
          count: 0,
        };
        g.count += 1;
        grounds.set(code, g);
      }
    }
    for (const f of JSON.parse(r.fees) as Fee[]) fees.set(f.kind, (fees.get(f.kind) ?? 0) + f.amount);
  }
  return {
    year,
    received: rows.length,
    byChannel: REQUEST_CHANNELS.map((channel) => ({ channel, count: byChannel.get(channel) ?? 0 })),
    byOutcome: out,
    onTime,
    late,
    openOverdue,
    refusedByGround: [...grounds.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    fees: {
      total: [...fees.values()].reduce((a, b) => a + b, 0),
      byKind: FEE_KINDS.filter((k) => fees.has(k)).map((kind) => ({ kind, amount: fees.get(kind)! })),
    },
    receivedByMonth: byMonth,
    disclosed: disclosedInYear(db, year),
  };
}

/** Documents whose approved public decision (the current one) was made in the year. */
function disclosedInYear(db: Db, year: number): YearStatistics['disclosed'] {
  const rows = db
    .prepare(
      `WITH latest AS (SELECT document_id, max(id) AS id FROM decisions GROUP BY document_id)
       SELECT d.basis_id, d.basis_version, substr(d.decided_at, 6, 2) AS month FROM latest JOIN decisions d ON d.id = latest.id
        WHERE d.approved = 1 AND d.access_class = 'public' AND d.decided_at >= ? AND d.decided_at < ?`,
    )
    .all(`${year}-01-01`, `${year + 1}-01-01`) as {
    basis_id: string;
    basis_version: string;
    month: string;
  }[];
  const registry = legalRegistry();
  const byPoint = new Map<string, { code: string; label: string; count: number }>();
  const byMonth = Array<number>(12).fill(0);
  for (const r of rows) {
    byMonth[Number(r.month) - 1]! += 1;
    const entry = registry.find(r.basis_id, r.basis_version);
    const label = entry ? `${registry.citation(entry)} — ${entry.titleVi}` : r.basis_id;
    const p = byPoint.get(r.basis_id) ?? { code: r.basis_id, label, count: 0 };
    p.count += 1;
    byPoint.set(r.basis_id, p);
  }
  return {
    total: rows.length,
    byPoint: [...byPoint.values()].sort((a, b) => a.code.localeCompare(b.code)),
    byMonth,
  };
}

const STATUS_VI = {
  answered: 'Đã cung cấp',
  partlyAnswered: 'Cung cấp một phần',
  refused: 'Từ chối',
  withdrawn: 'Rút yêu cầu',
  open: 'Đang giải quyết',
};

/** The statistics as rows of (section, item, value) — one shape for the XLSX and the PDF. */
function reportRows(s: YearStatistics): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Yêu cầu cung cấp thông tin', 'Tổng số yêu cầu nhận được', s.received],
  ];
  for (const c of s.byChannel) rows.push(['Theo hình thức yêu cầu', CHANNEL_VI[c.channel], c.count]);
  for (const [k, v] of Object.entries(s.byOutcome))
    rows.push(['Theo kết quả', STATUS_VI[k as keyof typeof STATUS_VI], v]);
  rows.push(
    ['Thời hạn', 'Trả lời đúng hạn', s.onTime],
    ['Thời hạn', 'Trả lời quá hạn', s.late],
    ['Thời hạn', 'Đang giải quyết, đã quá hạn', s.openOverdue],
  );
  for (const g of s.refusedByGround) rows.push(['Từ chối theo căn cứ', `${g.titleVi} (${g.code})`, g.count]);
  for (const f of s.fees.byKind)
    rows.push(['Chi phí thực tế đã thu (đồng)', FEE_VI[f.kind] ?? f.kind, f.amount]);
  rows.push(['Chi phí thực tế đã thu (đồng)', 'Tổng cộng', s.fees.total]);
  s.receivedByMonth.forEach((n, i) => rows.push(['Yêu cầu nhận theo tháng', `Tháng ${i + 1}`, n]));
  rows.push(['Công khai chủ động (Điều 17)', 'Tổng số tài liệu được phê duyệt công khai', s.disclosed.total]);
  for (const p of s.disclosed.byPoint) rows.push(['Công khai chủ động theo điểm', p.label, p.count]);
  s.disclosed.byMonth.forEach((n, i) => rows.push(['Công khai chủ động theo tháng', `Tháng ${i + 1}`, n]));
  return rows;
}

export function statisticsXlsx(s: YearStatistics, agencyName: string | null): Promise<Uint8Array> {
  const rows = reportRows(s);
  return xlsx(
    [
      {
        name: `Năm ${s.year}`,
        header: ['Nhóm', `Chỉ tiêu${agencyName ? ` — ${agencyName}` : ''}`, 'Số lượng'],
        rows,
        widths: [34, 80, 14],
      },
    ],
    `${s.year}-12-31T00:00:00.000Z`,
  );
}

export function statisticsPdf(
  s: YearStatistics,
  agencyName: string | null,
  today: string,
): Promise<Uint8Array> {
  return pdfTable(
    {
      title: `BÁO CÁO TÌNH HÌNH CUNG CẤP THÔNG TIN NĂM ${s.year}`,
      subtitle: `${agencyName ? `${agencyName} — ` : ''}số liệu đến ngày ${today.split('-').reverse().join('/')}`,
      header: ['STT', 'Nhóm', 'Chỉ tiêu', 'Số lượng'],
      widths: [5, 28, 55, 12],
      rows: reportRows(s).map((r, i) => [i + 1, ...r]),
    },
    `${today}T00:00:00.000Z`,
  );
}
