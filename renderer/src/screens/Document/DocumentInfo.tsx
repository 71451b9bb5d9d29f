import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { AUDIT_ACTIONS, auditActionText } from '../../../../shared/domain/auditActions';
import { importWarningText } from '../../../../shared/domain/importWarnings';
import { useLegalRegistry } from '../../api/queries';
import { AccessBadge, Panel, StatusBadge } from '../../components';
import { historyLines } from './historyText';

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
  const registry = useLegalRegistry();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const lines = useMemo(() => {
    const citations = new Map(registry.data?.versions.flatMap((v) => v.entries.map((e) => [e.id, e.citation])) ?? []);
    return historyLines(document.history, {
      t: (key, options) => t(key, options ?? {}),
      basis: (id) => citations.get(id) ?? id,
      warning: (code) => importWarningText(code, language),
    });
  }, [document.history, registry.data, t, language]);
  // Never a raw code: an action this build does not know is "another event".
  const actionName = (action: string) =>
    action in AUDIT_ACTIONS ? auditActionText(action, language) : t('history.other');
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
              <dd>
                <ul className="plain-list">
                  {document.warnings.map((w) => (
                    <li key={w}>{importWarningText(w, language)}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </Panel>
      <Panel title={t('document.history')}>
        {document.history.length === 0 ? (
          <p>{t('document.noHistory')}</p>
        ) : (
          <ol className="history">
            {lines.map((e) => (
              <li key={e.seq}>
                <strong>{actionName(e.action)}</strong> <span>{t('history.by', { actor: e.actor })}</span>
                {e.details.length > 0 ? (
                  <ul className="history-details">
                    {e.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
                <time dateTime={e.at}>{formatTime(e.at, i18n.language)}</time>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
