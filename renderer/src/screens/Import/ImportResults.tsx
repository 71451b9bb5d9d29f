import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/contract/schemas';
import { hrefOf } from '../../app/router';
import { Badge, Panel } from '../../components';
import { errorText } from '../../i18n/index';

const TONE = { imported: 'success', duplicate: 'info', rejected: 'danger' } as const;

/** One line per file: its name (always as text — file names are data), what happened, and for a
 *  rejected file the reason in the interface language. */
export function ImportResults({ results }: { results: ImportResult[] }) {
  const { t, i18n } = useTranslation();
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
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
