import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/contract/schemas';
import { importWarningText } from '../../../../shared/domain/importWarnings';
import { hrefOf } from '../../app/router';
import { Badge, Panel } from '../../components';
import { errorText } from '../../i18n/index';

const TONE = { imported: 'success', duplicate: 'info', rejected: 'danger' } as const;

/** What reading the file found: its pages, which have text already and which need OCR (and
 *  whether OCR was queued for them). */
function PagesText({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.pages === undefined) return null;
  const ocr = result.ocrPages ?? 0;
  const text = result.textPages ?? result.pages - ocr;
  return (
    <>
      {t('import.pagesCount', { count: result.pages })}
      {ocr === 0 ? (
        <> · {t('import.allText')}</>
      ) : (
        <>
          {text > 0 ? <> · {t('import.textPages', { count: text })}</> : null} ·{' '}
          <Badge tone="warning">{t('import.needsOcr', { count: ocr })}</Badge>{' '}
          {result.status === 'imported' ? (result.ocrQueued ? t('import.ocrQueued') : t('import.ocrNotQueued')) : null}
        </>
      )}
    </>
  );
}

/** One line per file: its name (always as text — file names are data), what happened, its pages
 *  and what needs OCR, warnings in plain words, and for a rejected file the reason in the
 *  interface language. */
export function ImportResults({ results, cancelled = 0 }: { results: ImportResult[]; cancelled?: number }) {
  const { t, i18n } = useTranslation();
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
  const ocrPages = results.reduce((n, r) => n + (r.status === 'imported' ? (r.ocrPages ?? 0) : 0), 0);
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Panel
      title={t('import.results')}
      actions={
        <span>
          {t('import.summary', {
            imported: count('imported'),
            duplicate: count('duplicate'),
            rejected: count('rejected'),
          })}
          {ocrPages > 0 ? ` · ${t('import.summaryOcr', { count: ocrPages })}` : ''}
          {cancelled > 0 ? ` · ${t('import.summaryCancelled', { count: cancelled })}` : ''}
        </span>
      }
    >
      <table className="results-table">
        <thead>
          <tr>
            <th scope="col">{t('import.file')}</th>
            <th scope="col">{t('import.result')}</th>
            <th scope="col">{t('import.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr key={`${i}-${r.fileName}`} className={`result-${r.status}`}>
              <td className="break">{r.fileName}</td>
              <td>
                <Badge tone={TONE[r.status]}>{t(`import.${r.status}`)}</Badge>
              </td>
              <td>
                {r.error ? <span className="result-error">{errorText(r.error, i18n.language)}</span> : null}
                {r.status !== 'rejected' ? <PagesText result={r} /> : null}
                {r.warnings && r.warnings.length > 0 ? (
                  <ul className="import-warnings">
                    {r.warnings.map((w) => (
                      <li key={w}>{importWarningText(w, language)}</li>
                    ))}
                  </ul>
                ) : null}
                {r.id ? (
                  <a
                    href={hrefOf({ name: 'document', id: r.id, page: 1 })}
                    aria-label={t('import.openNamed', { name: r.fileName })}
                  >
                    {t('import.open')}
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
