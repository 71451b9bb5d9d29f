import { useTranslation } from 'react-i18next';
import type { EvidenceFinding } from '../../../../shared/contract/review';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { usePageImage } from '../../api/queries';
import { Button } from '../../components';
import { evidenceGroup, evidenceRuns } from './evidenceText';

function PageText({ text, findings }: { text: string; findings: { f: EvidenceFinding; index: number }[] }) {
  const { t } = useTranslation();
  const runs = evidenceRuns(
    text,
    findings.map(({ f, index }) => ({ start: f.start, end: f.end, index })),
  );
  const kindOf = new Map(findings.map(({ f, index }) => [index, f.kind]));
  return (
    <div className="page-text review-text" tabIndex={0} aria-label={t('review.pageTextLabel')}>
      {runs.map((run) =>
        run.findings.length === 0 ? (
          run.text
        ) : (
          <mark key={run.start} className={`ev ev-${evidenceGroup(kindOf.get(run.findings[0]!) ?? '')}`}>
            <span className="visually-hidden">
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
}: {
  documentId: number;
  page: number;
  findings: EvidenceFinding[];
}) {
  const { t } = useTranslation();
  const image = usePageImage(documentId, page, 1200);
  const boxes = findings.flatMap((f) => f.boxes.map((b) => ({ ...b, group: evidenceGroup(f.kind) })));
  return (
    <figure className="review-image">
      <div className="review-image-frame">
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
}: {
  document: DocumentDetail;
  findings: EvidenceFinding[];
  page: number;
  onPage: (n: number) => void;
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
            >
              ‹
            </Button>
            <span>{t('document.pageOf', { n: current.n, total: document.pages.length })}</span>
            <Button
              size="sm"
              disabled={current.n >= document.pages.length}
              onClick={() => onPage(current.n + 1)}
              aria-label={t('document.page', { n: current.n + 1 })}
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
          <PageText text={current.text} findings={onPageFindings} />
        ) : (
          <p>{t('document.noText')}</p>
        )}
        <PageImageWithBoxes
          documentId={document.id}
          page={current.n}
          findings={onPageFindings.map(({ f }) => f)}
        />
      </div>
    </div>
  );
}
