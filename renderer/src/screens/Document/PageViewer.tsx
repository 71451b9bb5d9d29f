import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageDetail, PipelineInfo } from '../../../../shared/contract/schemas';
import { usePageImage } from '../../api/queries';
import { hrefOf, navigate } from '../../app/router';
import { Alert, Button } from '../../components';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function dataUrl(image: { mime: string; base64: string }): string {
  return `data:${image.mime};base64,${image.base64}`;
}

function Thumbnail({ documentId, page, current }: { documentId: number; page: number; current: boolean }) {
  const { t } = useTranslation();
  const image = usePageImage(documentId, page, 160);
  return (
    <li>
      <a
        href={hrefOf({ name: 'document', id: documentId, page })}
        className="thumb"
        aria-current={current ? 'page' : undefined}
      >
        {image.data ? (
          <img src={dataUrl(image.data)} alt="" width={image.data.width} height={image.data.height} />
        ) : (
          <span className="thumb-blank" />
        )}
        <span>{t('document.page', { n: page })}</span>
      </a>
    </li>
  );
}

/** Thumbnails, the page image with zoom, and the page's text side by side, so a reader can check
 *  one against the other. */
/** Why a page has no text, as it is: waiting its turn in an OCR job, being recognised, never
 *  queued, failed, or recognised without finding any. */
function noTextKey(page: PageDetail, pipeline: PipelineInfo | undefined): string {
  if (page.ocrState === 'failed') return 'document.noTextFailed';
  if (page.ocrState === 'done') return 'document.noTextFound';
  if (page.ocrState === 'skipped') return 'document.noTextLayer';
  if (pipeline?.ocr === 'queued') return 'document.noTextQueued';
  if (pipeline?.ocr === 'running') return 'document.noTextRunning';
  return 'document.noTextWaiting';
}

export function PageViewer({
  documentId,
  pages,
  page,
  pipeline,
  overlay,
  textRef,
}: {
  documentId: number;
  pages: PageDetail[];
  page: number;
  pipeline?: PipelineInfo;
  /** Drawn over the page image (the redaction regions), in fractions of it. */
  overlay?: ReactNode;
  /** Receives the page text panel (the redaction tools read the selection there). */
  textRef?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const textPanel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (textRef) textRef.current = textPanel.current;
  });
  const [zoom, setZoom] = useState(2); // index into ZOOMS: 100 %
  const current = pages.find((p) => p.n === page) ?? pages[0];
  const image = usePageImage(documentId, current?.n ?? 1, 1600);
  if (!current) return null;
  const scale = ZOOMS[zoom]!;
  const go = (n: number) => navigate({ name: 'document', id: documentId, page: n }, { replace: true });

  return (
    <div className="viewer">
      <nav className="viewer-thumbs" aria-label={t('document.pages')}>
        <ol>
          {pages.map((p) => (
            <Thumbnail key={p.n} documentId={documentId} page={p.n} current={p.n === current.n} />
          ))}
        </ol>
      </nav>

      <section className="viewer-image" aria-label={t('document.image')}>
        <div className="viewer-toolbar">
          <Button
            size="sm"
            onClick={() => go(current.n - 1)}
            disabled={current.n <= 1}
            aria-label={t('document.page', { n: current.n - 1 })}
          >
            ‹
          </Button>
          <span>{t('document.pageOf', { n: current.n, total: pages.length })}</span>
          <Button
            size="sm"
            onClick={() => go(current.n + 1)}
            disabled={current.n >= pages.length}
            aria-label={t('document.page', { n: current.n + 1 })}
          >
            ›
          </Button>
          <span className="viewer-spacer" />
          <Button
            size="sm"
            onClick={() => setZoom((z) => Math.max(0, z - 1))}
            disabled={zoom === 0}
            aria-label={t('document.zoomOut')}
          >
            −
          </Button>
          <output aria-live="polite">{t('document.zoomLevel', { percent: Math.round(scale * 100) })}</output>
          <Button
            size="sm"
            onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
            disabled={zoom === ZOOMS.length - 1}
            aria-label={t('document.zoomIn')}
          >
            +
          </Button>
          <Button size="sm" onClick={() => setZoom(2)}>
            {t('document.zoomReset')}
          </Button>
        </div>
        <div className="viewer-canvas" tabIndex={0} aria-label={t('document.imageAlt', { n: current.n })}>
          {image.isPending ? <p>{t('common.loading')}</p> : null}
          {image.data ? (
            <div className="viewer-frame" style={{ width: `${scale * 100}%` }}>
              <img src={dataUrl(image.data)} alt={t('document.imageAlt', { n: current.n })} style={{ width: '100%', maxWidth: 'none' }} />
              {overlay}
            </div>
          ) : null}
          {image.isSuccess && !image.data ? <p>{t('document.noImage')}</p> : null}
        </div>
      </section>

      <section className="viewer-text" aria-labelledby="page-text-title">
        <h2 id="page-text-title" className="panel-title">
          {t('document.text', { n: current.n })}
          {current.source ? (
            <span className="viewer-source"> · {t(`document.source.${current.source}`)}</span>
          ) : null}
        </h2>
        {current.lowConfidence ? <Alert tone="warning">{t('document.lowConfidence')}</Alert> : null}
        {current.text ? (
          <div className="page-text" tabIndex={0} ref={textPanel}>
            {current.text}
          </div>
        ) : (
          <p>{t(noTextKey(current, pipeline))}</p>
        )}
      </section>
    </div>
  );
}
