import path from 'node:path';
import { writeFileAtomic } from '../../engine/archive/fileStore';
import type { OcrRunResult } from '../../engine/index';
import type { OcrProgress } from '../../engine/index';
import { EXIT, safeText, UsageError } from '../output';
import { parseId } from './documentCommands';
import type { Command, CommandContext } from './index';

/** Progress of OCR pages: always on stderr (stdout carries the JSON result with --json). */
export function ocrReporter(ctx: CommandContext) {
  return (p: OcrProgress) => {
    const outcome =
      p.state === 'done'
        ? `xong, độ tin cậy ${p.confidence ?? 0}%${p.lowConfidence ? ' (thấp, cần kiểm tra)' : ''}${p.orientation ? `, xoay ${p.orientation}°` : ''}`
        : `lỗi ${p.error ? `[${p.error.code}] ${p.error.message}` : ''}`;
    ctx.io.err(
      `[${p.pagesDone}/${p.pagesTotal}] #${p.documentId} trang ${p.page}: ${outcome}\n`,
    );
  };
}

/** Prints the per-document result: JSON on stdout with --json, else a Vietnamese summary. */
export function printOcrResult(ctx: CommandContext, result: OcrRunResult): void {
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ jobs: result.jobIds, documents: result.documents }) + '\n');
    return;
  }
  for (const d of result.documents) {
    const confidence = d.confidence === null ? '' : `, độ tin cậy TB ${d.confidence}%`;
    const low = d.lowConfidencePages.length ? `, cần kiểm tra trang ${d.lowConfidencePages.join(', ')}` : '';
    ctx.io.out(
      `#${d.id}\t${safeText(d.fileName)}: ${d.done}/${d.pages} trang OCR, ${d.failed} lỗi, ${d.pending} chờ${confidence}${low}\n`,
    );
  }
}

export const ocrCommand: Command = {
  options: {
    all: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
  async run(ctx) {
    const all = Boolean(ctx.values.all);
    if (all && ctx.positionals.length > 0) throw new UsageError('ocr: chọn mã tài liệu hoặc --all, không dùng cả hai');
    if (!all && ctx.positionals.length === 0) throw new UsageError('ocr cần mã tài liệu hoặc --all');
    const ids = ctx.positionals.map(parseId);
    let workers: number | undefined;
    if (ctx.values.workers !== undefined) {
      workers = Number(ctx.values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
        throw new UsageError(`--workers phải là số nguyên từ 1 đến 64: ${safeText(String(ctx.values.workers))}`);
      }
    }
    const engine = await ctx.engine();
    const result = await engine.ocr(all ? 'all' : ids, {
      force: Boolean(ctx.values.force),
      ...(workers !== undefined ? { workers } : {}),
      onProgress: ocrReporter(ctx),
    });
    if (result.jobIds.length === 0) ctx.io.err('Không có trang nào cần OCR.\n');
    printOcrResult(ctx, result);
    const pages = result.documents.reduce((s, d) => s + d.done, 0);
    const failed = result.documents.reduce((s, d) => s + d.failed, 0);
    ctx.io.err(`Xong: ${result.documents.length} tài liệu, ${pages} trang có chữ OCR, ${failed} trang lỗi.\n`);
    return EXIT.ok;
  },
};

export const pdfCommand: Command = {
  options: { out: { type: 'string' }, redacted: { type: 'boolean', default: false } },
  async run(ctx) {
    const id = parseId(ctx.positionals[0]);
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new UsageError('pdf cần --out TỆP');
    const engine = await ctx.engine();
    // --redacted: the redacted file of the accepted regions (built if need be; engine/redaction).
    const redacted = Boolean(ctx.values.redacted);
    const bytes = redacted ? await engine.redactedPdf(id) : await engine.searchablePdf(id);
    const target = path.resolve(out);
    await writeFileAtomic(target, bytes);
    if (ctx.json) ctx.io.out(JSON.stringify({ id, out: target, bytes: bytes.byteLength, redacted }) + '\n');
    else ctx.io.err(`Đã ghi ${redacted ? 'bản che (công khai một phần)' : 'PDF tìm kiếm được'} của tài liệu #${id}: ${safeText(target)} (${bytes.byteLength} byte)\n`);
    return EXIT.ok;
  },
};
