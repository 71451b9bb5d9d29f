import { formatDateVi } from '../../../shared/text/vietnamese';
import { EXIT, safeText, UsageError } from '../output';
import type { Command } from './index';
import { parseFilterOptions, FILTER_OPTIONS } from './filterOptions';

const ACCESS_VI = { public: 'công khai', conditional: 'có điều kiện', secret: 'không được tiếp cận' } as const;
const SOURCE_VI = { 'text-layer': 'lớp văn bản', ocr: 'OCR' } as const;

export function parseId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id <= 0) throw new UsageError(`mã tài liệu không hợp lệ: ${safeText(String(raw))}`);
  return id;
}

export const listCommand: Command = {
  options: { ...FILTER_OPTIONS, limit: { type: 'string' } },
  async run(ctx) {
    const engine = await ctx.engine();
    const limit = ctx.values.limit ? Number(ctx.values.limit) : 100_000;
    const docs = engine.list({ ...parseFilterOptions(ctx.values), limit });
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify(
          docs.map((d) => ({
            id: d.id,
            title: d.title,
            fileName: d.fileName,
            pages: d.pages,
            status: d.status,
            access: d.access,
            numberNotation: d.numberNotation,
            docType: d.docType,
            issuedDate: d.issuedDate,
            ocr: d.ocr,
          })),
        ) + '\n',
      );
      return EXIT.ok;
    }
    for (const d of docs) {
      const access = d.access ? ACCESS_VI[d.access] : 'chưa phân loại';
      ctx.io.out(`#${d.id}\t${d.pages} tr.\t${d.status}\t${access}\t${formatDateVi(d.issuedDate)}\t${safeText(d.title)}\n`);
    }
    ctx.io.err(`${docs.length} tài liệu.\n`);
    return EXIT.ok;
  },
};

export const showCommand: Command = {
  options: {},
  async run(ctx) {
    const id = parseId(ctx.positionals[0]);
    const engine = await ctx.engine();
    const doc = engine.get(id);
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify({
          id: doc.id,
          fileName: doc.fileName,
          sha256: doc.sha256,
          mime: doc.mime,
          size: doc.size,
          status: doc.status,
          warnings: doc.warnings,
          pages: doc.pages.map((p) => ({
            n: p.n,
            text: p.text,
            source: p.source,
            confidence: p.confidence,
            ocrState: p.ocrState,
            lowConfidence: p.lowConfidence,
          })),
          header: doc.header,
          access: doc.access,
          personalData: doc.personalData,
          history: doc.history,
        }) + '\n',
      );
      return EXIT.ok;
    }
    ctx.io.out(`Tài liệu #${doc.id}: ${safeText(doc.fileName)}\nSHA-256: ${doc.sha256}\nTrạng thái: ${doc.status}\n`);
    for (const [key, value] of Object.entries(doc.header)) if (value) ctx.io.out(`  ${key}: ${safeText(value)}\n`);
    for (const p of doc.pages) {
      const source = p.source ? SOURCE_VI[p.source] : 'chưa có chữ (chờ OCR)';
      ctx.io.out(`\n--- Trang ${p.n} (${source}) ---\n${p.text ?? ''}\n`);
    }
    return EXIT.ok;
  },
};
