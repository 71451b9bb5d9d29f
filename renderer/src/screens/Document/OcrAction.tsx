import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { useRunOcr } from '../../api/queries';
import { hrefOf } from '../../app/router';
import { Alert, Button } from '../../components';
import { errorText } from '../../i18n/index';

/** Offers OCR for the pages still without text (pending or failed); the job runs in the
 *  background and shows on the Jobs screen. */
export function OcrAction({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const run = useRunOcr();
  const waiting = document.pages.filter((p) => p.ocrState === 'pending' || p.ocrState === 'failed').length;
  if (waiting === 0 && !run.isSuccess) return null;
  return (
    <div className="ocr-action">
      {waiting > 0 ? <span>{t('document.pagesWaiting', { count: waiting })}</span> : null}
      {waiting > 0 ? (
        <Button
          variant="primary"
          size="sm"
          onClick={() => run.mutate([document.id])}
          disabled={run.isPending || run.isSuccess}
        >
          {t('document.runOcr')}
        </Button>
      ) : null}
      {run.isSuccess ? (
        <span role="status">
          {t('document.ocrStarted')} <a href={hrefOf({ name: 'jobs' })}>{t('document.ocrProgress')}</a>
        </span>
      ) : null}
      {run.error ? (
        <Alert tone="error">
          {errorText(run.error as unknown as { code: string; message: string }, i18n.language)}
        </Alert>
      ) : null}
    </div>
  );
}
