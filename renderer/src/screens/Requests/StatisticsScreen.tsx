import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { saveDownload, useRequestStats } from '../../api/requestQueries';
import { Alert, Button, Field, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { BarChart } from './BarChart';
import './requests.css';

type Apiish = { code: string; message: string };

/** The year's figures for the annual report: tables and simple charts, and the XLSX/PDF report. */
export function StatisticsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [year, setYear] = useState(new Date().getFullYear());
  const stats = useRequestStats(year);
  const [error, setError] = useState<Apiish | null>(null);
  const s = stats.data;
  const report = (format: 'xlsx' | 'pdf') => {
    setError(null);
    api.call('requests:statsReport', { year, format }).then(saveDownload, (e: Apiish) => setError(e));
  };
  const months = (values: number[]) =>
    values.map((value, i) => ({ label: t('stats.month', { n: i + 1 }), value }));
  return (
    <div className="screen">
      <PageHeader
        title={t('stats.title')}
        actions={
          <>
            <Button onClick={() => report('xlsx')}>{t('stats.xlsx')}</Button>
            <Button onClick={() => report('pdf')}>{t('stats.pdf')}</Button>
          </>
        }
      />
      <Field label={t('stats.year')}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="number"
            min={1990}
            max={2199}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        )}
      </Field>
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
      {stats.error ? (
        <Alert tone="error">{errorText(stats.error as unknown as Apiish, i18n.language)}</Alert>
      ) : null}
      {s ? (
        <div className="stats-grid">
          <Panel title={t('stats.summary')}>
            <table className="results-table">
              <tbody>
                {(
                  [
                    ['received', s.received],
                    ['answered', s.byOutcome.answered],
                    ['partly', s.byOutcome.partlyAnswered],
                    ['refused', s.byOutcome.refused],
                    ['withdrawn', s.byOutcome.withdrawn],
                    ['open', s.byOutcome.open],
                    ['onTime', s.onTime],
                    ['late', s.late],
                    ['openOverdue', s.openOverdue],
                    ['fees', s.fees.total],
                    ['disclosed', s.disclosed.total],
                  ] as const
                ).map(([k, v]) => (
                  <tr key={k} data-stat={k}>
                    <th scope="row">{t(`stats.rows.${k}`)}</th>
                    <td>{v.toLocaleString('vi-VN')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title={t('stats.byChannel')}>
            <BarChart
              title={t('stats.byChannel')}
              bars={s.byChannel.map((c) => ({ label: t(`requests.channels.${c.channel}`), value: c.count }))}
            />
          </Panel>
          <Panel title={t('stats.byMonth')}>
            <BarChart title={t('stats.byMonth')} bars={months(s.receivedByMonth)} />
          </Panel>
          <Panel title={t('stats.refusedByGround')}>
            {s.refusedByGround.length === 0 ? (
              <p>{t('stats.none')}</p>
            ) : (
              <BarChart
                title={t('stats.refusedByGround')}
                bars={s.refusedByGround.map((g) => ({ label: g.code, value: g.count }))}
              />
            )}
            <ul>
              {s.refusedByGround.map((g) => (
                <li key={g.code}>
                  {g.code}: {g.titleVi} — {g.count}
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title={t('stats.disclosedByPoint')}>
            {s.disclosed.byPoint.length === 0 ? (
              <p>{t('stats.none')}</p>
            ) : (
              <BarChart
                title={t('stats.disclosedByPoint')}
                bars={s.disclosed.byPoint.map((p) => ({ label: p.code, value: p.count }))}
              />
            )}
          </Panel>
          <Panel title={t('stats.disclosedByMonth')}>
            <BarChart title={t('stats.disclosedByMonth')} bars={months(s.disclosed.byMonth)} />
          </Panel>
        </div>
      ) : null}
    </div>
  );
}
