/**
 * Partial disclosure (issue 14): the API the engine exposes for redaction regions and redacted
 * files. See README.md in this folder.
 *
 *   const view = await engine.redaction.propose(id, 'Lê Thị B');      // regions from findings
 *   engine.redaction.setState(id, view.regions.map((r) => r.id), 'accepted', 'Lê Thị B');
 *   await engine.redaction.draw(id, 2, { x: 0.1, y: 0.2, w: 0.3, h: 0.02 }, 'Lê Thị B');
 *   await engine.redaction.fromText(id, 1, 120, 135, 'Lê Thị B');     // a selected text span
 *   engine.decide({ documentId: id, access: 'public', partial: true, basis: 'L104.D17.K1.e', reviewer });
 *   const file = await engine.redaction.build(id);                    // the redacted PDF (cached)
 */
import type { Db } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { AppError } from '../../../shared/domain/errors';
import { localToday } from '../clock';
import { extractDocument } from '../understanding/index';
import type { OcrEngine } from '../ocr/index';
import type { PdfService } from '../pdf/index';
import { groundFor, regionGrounds, type RegionGround } from './grounds';
import { DocumentLocator } from './locator';
import { buildRedactedFile, builtRedactedFile, type RedactedFile } from './redactedPdf';
import {
  addRegions,
  cleanBoxes,
  listRegions,
  proposableFindings,
  proposedKeys,
  redactionState,
  regionOfFinding,
  setRegionGround,
  setRegionState,
  summarise,
  type NewRegion,
  type Region,
  type RegionState,
  type RegionSummary,
} from './regions';
import type { Box } from './textBoxes';

export type { Region, RegionState, RegionSummary, RedactedFile, RegionGround, Box };
export {
  publicationForm,
  redactionState,
  redactedStrings,
  hasActiveRegions,
  assertRedactionReady,
} from './regions';

export interface RedactionView {
  documentId: number;
  regions: Region[];
  summary: RegionSummary;
  /** The identity of the accepted regions now (what a partial approval records). */
  key: string;
  /** The redacted file built for these regions, if any. */
  built: { sha256: string } | null;
  /** Grounds a region may cite today. */
  grounds: RegionGround[];
}

export interface RedactionDeps {
  db: Db;
  store: FileStore;
  pdf: () => PdfService;
  /** Runs recognition on the engine's one OCR pool (pipeline/OcrService). */
  useOcr: <T>(fn: (ocr: OcrEngine) => Promise<T>) => Promise<T>;
  /** OCR recognition workers in force. */
  ocrWorkers: () => number;
  actor: () => string;
  assertWritable: (operation: string) => void;
}

export class RedactionService {
  constructor(private readonly deps: RedactionDeps) {}

  private locator(id: number): DocumentLocator {
    return new DocumentLocator(this.deps.db, this.deps.store, id, (pdf, page) =>
      this.deps.pdf().textItems(pdf, page),
    );
  }

  private exists(id: number): void {
    if (!this.deps.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id))
      throw new AppError('NOT_FOUND', `document ${id}`, { subject: `Tài liệu số ${id}` });
  }

  view(id: number): RedactionView {
    this.exists(id);
    const regions = listRegions(this.deps.db, id);
    const built = builtRedactedFile(this.deps.db, this.deps.store, id);
    return {
      documentId: id,
      regions,
      summary: summarise(regions),
      key: redactionState(this.deps.db, id).key,
      built: built ? { sha256: built.sha256 } : null,
      grounds: regionGrounds(),
    };
  }

  /** Proposes a region for every personal-data finding and protected passage not proposed yet
   *  (extracting the document's findings first when it has none). */
  async propose(id: number, reviewer: string): Promise<RedactionView> {
    this.deps.assertWritable(`Đề xuất vùng che tài liệu số ${id}`);
    this.exists(id);
    const { db } = this.deps;
    if (!db.prepare('SELECT 1 FROM findings WHERE document_id = ? LIMIT 1').get(id))
      extractDocument(db, id, reviewer);
    const known = proposedKeys(db, id);
    const locator = this.locator(id);
    const day = localToday();
    const regions: NewRegion[] = [];
    for (const f of proposableFindings(db, id)) {
      const region = regionOfFinding(f, [], day);
      if (known.has(region.sourceKey!)) continue;
      region.boxes = await locator.boxes(f.page, f.span_start, f.span_end);
      regions.push(region);
    }
    addRegions(db, id, regions, reviewer, 'redaction.proposed');
    return this.view(id);
  }

  /** Accepts, removes or reopens regions. */
  setState(id: number, regionIds: readonly number[], state: RegionState, reviewer: string): RedactionView {
    this.deps.assertWritable(`Vùng che tài liệu số ${id}`);
    this.exists(id);
    setRegionState(this.deps.db, id, regionIds, state, reviewer);
    return this.view(id);
  }

  /** Every proposal that has a place on the page accepted (`redact --auto`). */
  acceptAll(id: number, reviewer: string): RedactionView {
    const ids = listRegions(this.deps.db, id)
      .filter((r) => r.state === 'proposed' && r.boxes.length > 0)
      .map((r) => r.id);
    return this.setState(id, ids, 'accepted', reviewer);
  }

  /** Changes the ground a region cites. */
  setGround(id: number, regionId: number, basisId: string, reviewer: string): RedactionView {
    this.deps.assertWritable(`Vùng che tài liệu số ${id}`);
    this.exists(id);
    setRegionGround(this.deps.db, id, regionId, groundFor({ drawn: true }, basisId), reviewer);
    return this.view(id);
  }

  /** A box the reviewer drew on the page image (accepted at once); the words under it are kept
   *  as what it removes. */
  async draw(
    id: number,
    page: number,
    box: Box,
    reviewer: string,
    basisId?: string | null,
  ): Promise<RedactionView> {
    this.deps.assertWritable(`Vẽ vùng che tài liệu số ${id}`);
    this.exists(id);
    this.assertPage(id, page);
    const boxes = cleanBoxes([box]);
    if (boxes.length === 0)
      throw new AppError('INVALID_INPUT', 'empty box', { detailVi: 'Vùng che vẽ ra không có diện tích.' });
    const text = await this.locator(id).textIn(page, boxes[0]!);
    addRegions(
      this.deps.db,
      id,
      [
        {
          page,
          boxes,
          state: 'accepted',
          origin: 'drawn',
          category: 'other',
          ground: groundFor({ drawn: true }, basisId),
          text,
        },
      ],
      reviewer,
      'redaction.drawn',
    );
    return this.view(id);
  }

  /** A region over a text span the reviewer selected (accepted), and proposals for every other
   *  place the same words stand that no region covers yet. */
  async fromText(
    id: number,
    page: number,
    start: number,
    end: number,
    reviewer: string,
    basisId?: string | null,
  ): Promise<RedactionView> {
    this.deps.assertWritable(`Che đoạn chữ tài liệu số ${id}`);
    this.exists(id);
    this.assertPage(id, page);
    const locator = this.locator(id);
    const pageText = await locator.text(page);
    if (!(start >= 0 && end <= pageText.length && start < end))
      throw new AppError('INVALID_INPUT', `span ${start}-${end} of page ${page}`, {
        detailVi: 'Đoạn chữ đã chọn không nằm trong trang.',
      });
    const text = pageText.slice(start, end).replace(/\s+/g, ' ').trim();
    if (!text)
      throw new AppError('INVALID_INPUT', 'blank span', {
        detailVi: 'Đoạn chữ đã chọn chỉ có khoảng trắng.',
      });
    const ground = groundFor({ drawn: true }, basisId);
    const boxes = await locator.boxes(page, start, end);
    if (boxes.length === 0) throw new AppError('REDACTION_UNLOCATED', `span on page ${page}`);
    const regions: NewRegion[] = [
      {
        page,
        boxes,
        state: 'accepted',
        origin: 'text',
        category: 'other',
        ground,
        text,
        start,
        end,
        sourceKey: `t:${page}:${start}:${end}`,
      },
    ];
    const covered = listRegions(this.deps.db, id).filter(
      (r) => r.state !== 'removed' && r.start !== null && r.end !== null,
    );
    const known = proposedKeys(this.deps.db, id);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${text
        .split(' ')
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const pageCount = (
      this.deps.db.prepare('SELECT count(*) AS c FROM pages WHERE document_id = ?').get(id) as { c: number }
    ).c;
    for (let n = 1; n <= pageCount; n += 1) {
      const t = await locator.text(n);
      for (const m of t.matchAll(pattern)) {
        const s = m.index;
        const e = s + m[0].length;
        if (n === page && s === start && e === end) continue;
        if (covered.some((r) => r.page === n && r.start! < e && r.end! > s)) continue;
        const sourceKey = `t:${n}:${s}:${e}`;
        if (known.has(sourceKey)) continue;
        regions.push({
          page: n,
          boxes: await locator.boxes(n, s, e),
          state: 'proposed',
          origin: 'text',
          category: 'other',
          ground,
          text: m[0].replace(/\s+/g, ' '),
          start: s,
          end: e,
          sourceKey,
        });
      }
    }
    addRegions(this.deps.db, id, regions, reviewer, 'redaction.text-selected');
    return this.view(id);
  }

  /** The redacted PDF of the accepted regions, built once per regions key. */
  build(id: number): Promise<RedactedFile> {
    this.exists(id);
    const writable = () => this.deps.assertWritable(`Tạo bản che tài liệu số ${id}`);
    const ready = builtRedactedFile(this.deps.db, this.deps.store, id);
    if (!ready) writable();
    return buildRedactedFile(
      {
        db: this.deps.db,
        store: this.deps.store,
        pdf: this.deps.pdf,
        useOcr: this.deps.useOcr,
        ocrWorkers: this.deps.ocrWorkers,
        actor: this.deps.actor(),
      },
      id,
    );
  }

  private assertPage(id: number, page: number): void {
    if (!this.deps.db.prepare('SELECT 1 FROM pages WHERE document_id = ? AND n = ?').get(id, page))
      throw new AppError('INVALID_INPUT', `page ${page} of document ${id}`, {
        detailVi: `Tài liệu số ${id} không có trang ${page}.`,
      });
  }
}
