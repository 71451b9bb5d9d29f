import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { useRunOcr } from '../../api/queries';
import { hrefOf } from '../../app/router';
import { Alert, Button } from '../../components';
import { errorText } from '../../i18n/index';

/**
 * Where the document is in the pipeline, said as it is: its pages without text are waiting in an
 * OCR job, being recognised, or not queued at all (then an OCR button); its header is being read
 * and a class suggested. Nothing is called "queued" unless a job holds it.
 */
export function PipelineStatus({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const run = useRunOcr();
  const { ocr, understanding, job } = document.pipeline;
  const withoutText = document.pages.filter((p) => p.ocrState === 'pending' || p.ocrState === 'failed').length;
  const failed = document.pages.filter((p) => p.ocrState === 'failed').length;
  const offerOcr = (ocr === 'waiting' || ocr === 'failed') && withoutText > 0;
  const lines: string[] = [];
  if (ocr === 'queued') lines.push(t('pipeline.ocrQueued', { count: withoutText }));
  else if (ocr === 'running') lines.push(t('pipeline.ocrRunning', { count: withoutText }));
  else if (ocr === 'waiting') lines.push(t('pipeline.ocrWaiting', { count: withoutText }));
  else if (ocr === 'failed') lines.push(t('pipeline.ocrFailed', { count: failed }));
  if (understanding === 'queued' || understanding === 'running') lines.push(t(`pipeline.understanding.${understanding}`));
  if (lines.length === 0 && !run.isSuccess) return null;
  return (
    <div className="ocr-action">
      <p role="status" className="pipeline-lines">
        {lines.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </p>
      {job ? <a href={hrefOf({ name: 'jobs' })}>{t('document.ocrProgress')}</a> : null}
      {offerOcr && !run.isSuccess ? (
        <Button variant="primary" size="sm" onClick={() => run.mutate([document.id])} disabled={run.isPending}>
          {ocr === 'failed' ? t('pipeline.ocrAgain') : t('pipeline.ocrNow')}
        </Button>
      ) : null}
      {run.isSuccess && !job ? (
        <span>
          {t('document.ocrStarted')} <a href={hrefOf({ name: 'jobs' })}>{t('document.ocrProgress')}</a>
        </span>
      ) : null}
      {run.error ? (
        <Alert tone="error">{errorText(run.error as unknown as { code: string; message: string }, i18n.language)}</Alert>
      ) : null}
    </div>
  );
}
