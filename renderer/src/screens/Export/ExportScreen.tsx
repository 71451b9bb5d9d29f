import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useExportPlan, useRunExport } from '../../api/queries';
import { Alert, Button, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { PublishedListing } from './PublishedListing';

type Apiish = { code: string; message: string };

/** The disclosure catalogue export: what will and will not be published (counts per class, the
 *  held-back and undecided documents with the reason), the output folder, a confirm button and
 *  the summary of the run. */
export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const plan = useExportPlan();
  const run = useRunExport();
  const [folder, setFolder] = useState<string | null>(null);
  const preview = plan.data?.defaultOut ?? null;
  const target = preview ?? folder;

  const choose = async () => {
    const { path } = await api.call('settings:chooseFolder', {});
    if (path) setFolder(path);
  };

  const c = plan.data?.counts;
  // Every document of the archive in exactly one row, so the rows add up to the total: held-back
  // documents whose period ended are counted as "expired" only.
  const heldBackNow = plan.data ? plan.data.heldBack.filter((h) => h.reason !== 'period-ended').length : 0;
  const rows: [string, number, string][] = c
    ? [
        ['public', c.public, t('export.willPublish')],
        ['conditional', c.conditional, t('export.rowOnly')],
        ['secret', c.secret, t('export.never')],
        ['undecided', c.undecided, t('export.never')],
        ['heldBack', heldBackNow, t('export.never')],
        ['expired', c.expired, t('export.never')],
      ]
    : [];

  return (
    <div className="screen">
      <PageHeader title={t('export.title')} subtitle={t('export.subtitle')} />
      {plan.error ? <Alert tone="error">{errorText(plan.error as unknown as Apiish, i18n.language)}</Alert> : null}
      {plan.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {c ? (
        <Panel title={t('export.summary')}>
          <table className="results-table export-table">
            <caption className="visually-hidden">{t('export.summaryCaption', { count: c.documents })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('export.class')}</th>
                <th scope="col">{t('export.count')}</th>
                <th scope="col">{t('export.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, n, outcome]) => (
                <tr key={key}>
                  <th scope="row">{t(`export.kind.${key}`)}</th>
                  <td>{n}</td>
                  <td>{outcome}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('export.total')}</th>
                <td>{c.documents}</td>
                <td>{t('export.totalHint')}</td>
              </tr>
            </tfoot>
          </table>
        </Panel>
      ) : null}
      {plan.data && plan.data.heldBack.length > 0 ? (
        <Panel title={t('export.heldBackTitle', { count: plan.data.heldBack.length })}>
          <ul className="export-list">
            {plan.data.heldBack.map((h) => (
              <li key={h.id}>
                <a href={`#/documents/${h.id}`}>
                  {h.numberNotation ? `${h.numberNotation} — ` : ''}
                  {h.title}
                </a>
                : {t(`export.reason.${h.reason}`)}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {plan.data && plan.data.undecided.length > 0 ? (
        <Panel title={t('export.undecidedTitle', { count: plan.data.counts.undecided })}>
          <p className="field-hint">{t('export.undecidedHint')}</p>
          <ul className="export-list">
            {plan.data.undecided.map((d) => (
              <li key={d.id}>
                <a href={`#/documents/${d.id}`}>
                  {d.numberNotation ? `${d.numberNotation} — ` : ''}
                  {d.title}
                </a>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {plan.data ? <PublishedListing listing={plan.data.listing} /> : null}
      {plan.data ? (
        <Panel title={t('export.runTitle')}>
          <p className="field-hint">{t('export.publishHint')}</p>
          {preview ? (
            <p>
              {t('export.previewFolder')} <code className="break">{preview}</code>
            </p>
          ) : (
            <p>
              {folder ? (
                <>
                  {t('export.folder')} <code className="break">{folder}</code>{' '}
                </>
              ) : (
                <span>{t('export.noFolder')} </span>
              )}
              <Button onClick={() => void choose()}>{t('export.chooseFolder')}</Button>
            </p>
          )}
          <Button variant="primary" disabled={!target || run.isPending} onClick={() => run.mutate(target)}>
            {run.isPending ? t('export.running') : t('export.confirm', { count: (c?.public ?? 0) + (c?.conditional ?? 0) })}
          </Button>
          {run.isPending ? <p role="status">{t('export.running')}</p> : null}
          {run.error ? <Alert tone="error">{errorText(run.error as unknown as Apiish, i18n.language)}</Alert> : null}
          {run.data ? (
            <Alert tone="success">
              {/* Each file of the export is either written now or kept as it was: the two add up. */}
              {t('export.done', {
                files: run.data.files,
                written: run.data.written,
                unchanged: run.data.files - run.data.written,
                seconds: run.data.seconds,
              })}{' '}
              {run.data.removed > 0 ? t('export.removed', { count: run.data.removed }) : null}
              <br />
              {t('export.published', {
                public: run.data.counts.public,
                conditional: run.data.counts.conditional,
                notPublished: run.data.counts.documents - run.data.counts.public - run.data.counts.conditional,
              })}
            </Alert>
          ) : null}
          {run.data && run.data.warnings.length > 0 ? (
            <ul className="export-warnings">
              {run.data.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </Panel>
      ) : null}
    </div>
  );
}
