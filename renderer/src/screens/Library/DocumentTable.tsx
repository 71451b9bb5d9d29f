import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/contract/schemas';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { hrefOf } from '../../app/router';
import { AccessBadge, Badge, HighlightedText, OcrBadge } from '../../components';

export interface TableRow {
  document: DocumentSummary;
  /** Present in search results: where the best hit is and the snippet around it. */
  hit?: { page: number; snippetParts: { text: string; hit: boolean }[] };
}

export const COLUMNS = ['number', 'type', 'date', 'issuer', 'subject', 'pages', 'ocr', 'access'] as const;
export type Column = (typeof COLUMNS)[number];

/** The listing's order: a column and its direction (engine/archive/librarySort.ts). */
export interface TableSort {
  column: Column;
  direction: 'asc' | 'desc';
}

/**
 * The library as a virtual table: only the rows in view exist in the DOM, so 100 000 documents
 * scroll like 100. Rows not fetched yet render as placeholders of the same height.
 */
export function DocumentTable({
  rowCount,
  rowAt,
  withSnippets,
  onVisibleRange,
  onNearEnd,
  sort,
  onSort,
}: {
  rowCount: number;
  rowAt: (index: number) => TableRow | undefined;
  withSnippets: boolean;
  onVisibleRange?: (first: number, last: number) => void;
  onNearEnd?: () => void;
  /** The current order (null: import order); headers are sort buttons when `onSort` is given. */
  sort?: TableSort | null;
  onSort?: (column: Column) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = withSnippets ? 76 : 48;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    onVisibleRange?.(first, last);
    if (rowCount > 0 && last >= rowCount - 20) onNearEnd?.();
  }, [first, last, rowCount, onVisibleRange, onNearEnd]);

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  return (
    <div className="doc-table" role="table" aria-label={t('library.table')} aria-rowcount={rowCount + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="doc-row doc-head">
          {COLUMNS.map((c) => {
            const sorted = sort?.column === c ? sort.direction : null;
            return (
              <div
                role="columnheader"
                key={c}
                aria-sort={onSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
              >
                {onSort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c)}>
                    {t(`library.col.${c}`)}
                    <span aria-hidden="true" className="sort-arrow">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  t(`library.col.${c}`)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scroller} className="doc-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="doc-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {row ? (
                  <Cells row={row} withSnippets={withSnippets} />
                ) : (
                  <div role="cell" className="doc-placeholder">
                    {t('library.rowLoading')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cells({ row, withSnippets }: { row: TableRow; withSnippets: boolean }) {
  const { t } = useTranslation();
  const d = row.document;
  const page = row.hit && row.hit.page > 0 ? row.hit.page : 1;
  // Long values are cut to one line; the whole value shows on hover (title).
  return (
    <>
      <div role="cell" className="cell-number cell-clip" title={d.numberNotation ?? undefined}>
        {d.numberNotation ?? t('common.none')}
      </div>
      <div role="cell" className="cell-clip" title={d.docType ?? undefined}>
        {d.docType ?? t('common.none')}
      </div>
      <div role="cell" className="cell-date">
        {formatDateVi(d.issuedDate) || t('common.none')}
      </div>
      <div role="cell" className="cell-clip" title={d.issuer ?? undefined}>
        {d.issuer ?? t('common.none')}
      </div>
      <div role="cell" className="cell-subject">
        <span className="cell-subject-line">
          <a
            href={hrefOf({ name: 'document', id: d.id, page })}
            className="cell-clip"
            title={d.subject && d.subject !== d.fileName ? `${d.subject}\n${d.fileName}` : d.fileName}
          >
            {d.subject ?? d.fileName}
          </a>
          {d.copies > 0 ? (
            <a
              href={hrefOf({ name: 'document', id: d.preferredCopy ?? d.id, page: 1 })}
              className="copies-link"
              title={d.preferredCopy !== null ? t('library.copiesOther') : t('library.copiesThis')}
            >
              <Badge tone="info">{t('copies.short', { count: d.copies })}</Badge>
            </a>
          ) : null}
        </span>
        {withSnippets && row.hit ? (
          <p className="snippet">
            <span className="snippet-where">
              {row.hit.page > 0 ? t('library.onPage', { page: row.hit.page }) : t('library.inHeader')}:{' '}
            </span>
            <HighlightedText parts={row.hit.snippetParts} />
          </p>
        ) : null}
      </div>
      <div role="cell" className="cell-num">
        {d.pages}
      </div>
      <div role="cell">
        <OcrBadge ocr={d.ocr} queued={d.ocrQueued} />
      </div>
      <div role="cell" className="cell-access">
        <AccessBadge access={d.access} />
        {d.needsCheck > 0 ? <Badge tone="warning">{t('headerCheck.badge')}</Badge> : null}
      </div>
    </>
  );
}
