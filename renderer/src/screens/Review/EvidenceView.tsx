import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFinding } from '../../../../shared/contract/review';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { usePageImage } from '../../api/queries';
import { Button } from '../../components';
import { evidenceGroup, evidenceRuns } from './evidenceText';

/** Zoom steps of the page image, as a share of the panel's width. */
export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;
export const DEFAULT_ZOOM_INDEX = 2;

function PageText({ text, findings, textRef }: { text: string; findings: { f: EvidenceFinding; index: number }[]; textRef?: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The redaction tools read the reader's selection in this panel (offsets in the page text).
  useEffect(() => {
    if (textRef) textRef.current = ref.current;
  });
  // A new page or document: the text panel shows its first evidence, not its top.
  const first = findings[0]?.f.start ?? null;
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const mark = panel.querySelector('mark');
    panel.scrollTop = mark instanceof HTMLElement ? Math.max(0, mark.offsetTop - panel.offsetTop - 24) : 0;
  }, [text, first]);
  const runs = evidenceRuns(
    text,
    findings.map(({ f, index }) => ({ start: f.start, end: f.end, index })),
  );
  const kindOf = new Map(findings.map(({ f, index }) => [index, f.kind]));
  return (
    <div
      ref={ref}
      className="page-text review-text"
      tabIndex={0}
      data-scroll-keys
      role="region"
      aria-label={t('review.pageTextLabel')}
    >
      {runs.map((run) =>
        run.findings.length === 0 ? (
          run.text
        ) : (
          <mark key={run.start} className={`ev ev-${evidenceGroup(kindOf.get(run.findings[0]!) ?? '')}`}>
            <span className="visually-hidden" data-not-text>
              {t('review.evidenceStart', {
                kind: t(`review.group.${evidenceGroup(kindOf.get(run.findings[0]!) ?? '')}`),
              })}
            </span>
            {run.text}
          </mark>
        ),
      )}
    </div>
  );
}

function PageImageWithBoxes({
  documentId,
  page,
  findings,
  zoom,
  onZoom,
  overlay,
}: {
  documentId: number;
  page: number;
  findings: EvidenceFinding[];
  zoom: number;
  onZoom: (index: number) => void;
  overlay?: ReactNode;
}) {
  const { t } = useTranslation();
  const image = usePageImage(documentId, page, 1600);
  const boxes = findings.flatMap((f) => f.boxes.map((b) => ({ ...b, group: evidenceGroup(f.kind) })));
  const scroller = useRef<HTMLDivElement>(null);
  // Zoomed in, the image opens on its first evidence box.
  const firstBox = boxes[0];
  const loaded = Boolean(image.data);
  useEffect(() => {
    const el = scroller.current;
    if (!el || !loaded) return;
    const frame = el.firstElementChild as HTMLElement | null;
    if (!frame || !firstBox) {
      el.scrollTo(0, 0);
      return;
    }
    el.scrollTo(
      Math.max(0, firstBox.x * frame.offsetWidth - 40),
      Math.max(0, firstBox.y * frame.offsetHeight - 40),
    );
  }, [firstBox, loaded, zoom, page, documentId]);
  const at = ZOOMS.indexOf(ZOOMS[zoom] ?? 1);
  return (
    <figure className="review-image">
      <div className="review-image-tools" role="group" aria-label={t('review.zoomLabel')}>
        <Button size="sm" onClick={() => onZoom(Math.max(0, at - 1))} disabled={at <= 0} aria-keyshortcuts="-">
          −<span className="visually-hidden"> {t('review.zoomOut')}</span>
        </Button>
        <span aria-live="polite">{Math.round((ZOOMS[zoom] ?? 1) * 100)} %</span>
        <Button size="sm" onClick={() => onZoom(Math.min(ZOOMS.length - 1, at + 1))} disabled={at >= ZOOMS.length - 1} aria-keyshortcuts="+">
          +<span className="visually-hidden"> {t('review.zoomIn')}</span>
        </Button>
        <Button size="sm" onClick={() => onZoom(DEFAULT_ZOOM_INDEX)} aria-keyshortcuts="0">
          {t('review.zoomFit')}
        </Button>
      </div>
      <div
        ref={scroller}
        className="review-image-scroll"
        tabIndex={0}
        data-scroll-keys
        role="region"
        aria-label={t('review.imageRegion', { n: page })}
      >
      <div className="review-image-frame" style={{ width: `${(ZOOMS[zoom] ?? 1) * 100}%` }}>
        {image.data ? (
          <img
            src={`data:${image.data.mime};base64,${image.data.base64}`}
            alt={t('document.imageAlt', { n: page })}
          />
        ) : image.isPending ? (
          <p>{t('common.loading')}</p>
        ) : (
          <p>{t('document.noImage')}</p>
        )}
        {image.data
          ? boxes.map((b, i) => (
              <span
                key={i}
                className={`ev-box ev-box-${b.group}`}
                style={{
                  left: `${b.x * 100}%`,
                  top: `${b.y * 100}%`,
                  width: `${b.w * 100}%`,
                  height: `${b.h * 100}%`,
                }}
              />
            ))
          : null}
        {image.data ? overlay : null}
      </div>
      </div>
      <figcaption>
        {boxes.length > 0 ? t('review.boxes', { count: boxes.length }) : t('review.noBoxes')}
      </figcaption>
    </figure>
  );
}

/** The page text with the evidence marked, and the page image with boxes around OCR'd evidence. */
export function EvidenceView({
  document,
  findings,
  page,
  onPage,
  zoom,
  onZoom,
  overlay,
  textRef,
}: {
  document: DocumentDetail;
  findings: EvidenceFinding[];
  page: number;
  onPage: (n: number) => void;
  /** Index into ZOOMS. */
  zoom: number;
  onZoom: (index: number) => void;
  /** Drawn over the page image (the redaction regions). */
  overlay?: ReactNode;
  /** Receives the page text panel (the redaction tools read the selection there). */
  textRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const current = document.pages.find((p) => p.n === page) ?? document.pages[0];
  if (!current) return null;
  const onPageFindings = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.page === current.n);
  const counts = { stamp: 0, personal: 0, signal: 0 };
  for (const f of findings) counts[evidenceGroup(f.kind)] += 1;
  return (
    <div className="review-evidence">
      <div className="review-evidence-bar">
        {document.pages.length > 1 ? (
          <>
            <Button
              size="sm"
              disabled={current.n <= 1}
              onClick={() => onPage(current.n - 1)}
              aria-label={t('document.page', { n: current.n - 1 })}
              aria-keyshortcuts="["
            >
              ‹
            </Button>
            <span>{t('document.pageOf', { n: current.n, total: document.pages.length })}</span>
            <Button
              size="sm"
              disabled={current.n >= document.pages.length}
              onClick={() => onPage(current.n + 1)}
              aria-label={t('document.page', { n: current.n + 1 })}
              aria-keyshortcuts="]"
            >
              ›
            </Button>
          </>
        ) : (
          <span>{t('document.pageOf', { n: current.n, total: document.pages.length })}</span>
        )}
        <ul className="ev-legend" aria-label={t('review.legend')}>
          {(['stamp', 'personal', 'signal'] as const).map((g) => (
            <li key={g}>
              <mark className={`ev ev-${g}`}>{t(`review.group.${g}`)}</mark> {counts[g]}
            </li>
          ))}
        </ul>
      </div>
      <div className="review-evidence-body">
        {current.text ? (
          <PageText text={current.text} findings={onPageFindings} {...(textRef ? { textRef } : {})} />
        ) : (
          <p>{t('document.noText')}</p>
        )}
        <PageImageWithBoxes
          documentId={document.id}
          page={current.n}
          findings={onPageFindings.map(({ f }) => f)}
          zoom={zoom}
          onZoom={onZoom}
          overlay={overlay}
        />
      </div>
    </div>
  );
}
