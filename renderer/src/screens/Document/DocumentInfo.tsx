import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { AccessBadge, Panel, StatusBadge } from '../../components';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatTime(iso: string, lng: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lng === 'en' ? 'en-GB' : 'vi-VN');
}

/** Status, file facts and the audited history of a document. */
export function DocumentInfo({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="doc-info">
      <Panel title={t('document.info')}>
        <dl className="facts">
          <dt>{t('document.fileName')}</dt>
          <dd className="break">{document.fileName}</dd>
          <dt>{t('document.fileType')}</dt>
          <dd>{document.mime}</dd>
          <dt>{t('document.size')}</dt>
          <dd>{formatSize(document.size)}</dd>
          <dt>{t('document.created')}</dt>
          <dd>{formatTime(document.createdAt, i18n.language)}</dd>
          <dt>{t('library.col.access')}</dt>
          <dd>
            <AccessBadge access={document.access.decided?.class ?? null} />{' '}
            <StatusBadge status={document.status} />
          </dd>
          <dt>{t('document.sha256')}</dt>
          <dd className="break mono">{document.sha256}</dd>
          {document.warnings.length > 0 ? (
            <>
              <dt>{t('document.warnings')}</dt>
              <dd>{document.warnings.join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </Panel>
      <Panel title={t('document.history')}>
        {document.history.length === 0 ? (
          <p>{t('document.noHistory')}</p>
        ) : (
          <ol className="history">
            {[...document.history].reverse().map((e) => (
              <li key={e.seq}>
                <strong>{t(`history.${e.action}`, { defaultValue: e.action })}</strong>{' '}
                <span>{t('history.by', { actor: e.actor })}</span>
                <br />
                <time dateTime={e.at}>{formatTime(e.at, i18n.language)}</time>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
