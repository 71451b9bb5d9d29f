import { useTranslation } from 'react-i18next';
import type { BatchView } from '../../../../shared/contract/scanning';
import { Button } from '../../components';
import { useBatchPage } from './scanQueries';

/** The batch's pages as thumbnails, each with what archiving will do with it. */
export function BatchPages({ view, onRemove }: { view: BatchView; onRemove?: (n: number) => void }) {
  const { t } = useTranslation();
  const docOf = new Map<number, number>();
  view.plan.documents.forEach((d, i) => d.pages.forEach((n) => docOf.set(n, i + 1)));
  const dropped = new Map(view.plan.dropped.map((d) => [d.n, d.reason]));
  const editable = view.state === 'open';
  return (
    <ol className="batch-pages">
      {view.pages.map((page) => {
        const reason = dropped.get(page.n);
        const label =
          reason === 'separator'
            ? t('scan.pageSeparator')
            : reason === 'blank'
              ? t('scan.pageBlank')
              : page.blank === null
                ? t('scan.pageChecking')
                : t('scan.pageDocument', { n: docOf.get(page.n) ?? 1 });
        return (
          <li key={page.n} className={`batch-page${reason ? ' batch-page-dropped' : ''}`} data-testid="batch-page">
            {editable ? <Thumbnail id={view.id} n={page.n} files={view.pages.length} /> : null}
            <span className="batch-page-number">{t('scan.page', { n: page.n })}</span>
            <span className="batch-page-label">{label}</span>
            {editable && onRemove ? (
              <Button size="sm" variant="ghost" onClick={() => onRemove(page.n)} aria-label={t('scan.removePage', { n: page.n })}>
                ×
              </Button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function Thumbnail({ id, n, files }: { id: string; n: number; files: number }) {
  const { t } = useTranslation();
  const image = useBatchPage(id, n, files);
  return image.data ? <img src={image.data} alt={t('scan.page', { n })} className="batch-page-image" /> : <div className="batch-page-image" />;
}
