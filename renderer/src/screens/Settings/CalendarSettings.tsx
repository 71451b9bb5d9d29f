import { useState } from 'react';
import type { CalendarYear } from '../../../../shared/contract/requests';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { useCalendar, useRequestAction } from '../../api/requestQueries';
import { Alert, Badge, Button, Field, Panel } from '../../components';
import { errorText } from '../../i18n/index';

type Apiish = { code: string; message: string };
type Note = { date: string; nameVi: string };

const lines = (notes: Note[]) => notes.map((n) => `${n.date} ${n.nameVi}`).join('\n');
function parseLines(text: string, fallback: string): Note[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date = '', ...rest] = l.split(/\s+/);
      return { date, nameVi: rest.join(' ') || fallback };
    });
}

/** The working-day calendar of a year: holidays (announced or computed from the rules), and the
 *  government's announcement to enter or correct (Tết days, swapped days off, make-up Saturdays).
 *  Open requests' due dates follow a change. */
export function CalendarSettings() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const cal = useCalendar(year);
  const c = cal.data;
  return (
    <Panel title={t('calendar.title')}>
      <Field label={t('calendar.year')}>
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
      {/* Keyed by what was loaded: the editor starts from the saved announcement each time. */}
      {c ? <CalendarEditor key={`${c.year}:${JSON.stringify(c.announcement)}`} c={c} /> : null}
    </Panel>
  );
}

function CalendarEditor({ c }: { c: CalendarYear }) {
  const { t, i18n } = useTranslation();
  const save = useRequestAction('calendar:set');
  const [source, setSource] = useState(c.announcement?.source ?? '');
  const [tet, setTet] = useState(
    (
      c.announcement?.holidays.tet ?? c.days.filter((d) => d.nameVi === 'Tết Âm lịch').map((d) => d.date)
    ).join(', '),
  );
  const [off, setOff] = useState(lines(c.announcement?.extraDaysOff ?? []));
  const [work, setWork] = useState(lines(c.announcement?.workingDays ?? []));
  const year = c.year;
  const submit = () =>
    save.mutate({
      year,
      announcement: {
        source,
        holidays: { ...(c.announcement?.holidays ?? {}), tet: tet.split(/[,\s]+/).filter(Boolean) },
        extraDaysOff: parseLines(off, t('calendar.swapDefault')),
        workingDays: parseLines(work, t('calendar.makeUpDefault')),
      },
    });
  return (
    <>
      <p>
        {c.announced ? (
          <Badge tone="success">{c.edited ? t('calendar.edited') : t('calendar.announced')}</Badge>
        ) : (
          <Badge tone="warning">{t('calendar.estimated')}</Badge>
        )}{' '}
        {c.source ?? c.ruleSource}
      </p>
      <ul className="calendar-days">
        {c.days.map((d) => (
          <li key={d.date}>
            {formatDateVi(d.date)} — {d.nameVi} ({t(`calendar.kinds.${d.kind}`)})
          </li>
        ))}
      </ul>
      <Field label={t('calendar.source')}>
        {(p) => <input {...p} className="input" value={source} onChange={(e) => setSource(e.target.value)} />}
      </Field>
      <Field label={t('calendar.tet')} hint={t('calendar.tetHint')}>
        {(p) => <input {...p} className="input" value={tet} onChange={(e) => setTet(e.target.value)} />}
      </Field>
      <Field label={t('calendar.extraOff')} hint={t('calendar.linesHint')}>
        {(p) => <textarea {...p} rows={2} value={off} onChange={(e) => setOff(e.target.value)} />}
      </Field>
      <Field label={t('calendar.workingDays')} hint={t('calendar.linesHint')}>
        {(p) => <textarea {...p} rows={2} value={work} onChange={(e) => setWork(e.target.value)} />}
      </Field>
      <Button variant="primary" onClick={submit} disabled={save.isPending}>
        {t('calendar.save')}
      </Button>{' '}
      {c.edited ? (
        <Button onClick={() => save.mutate({ year, announcement: null })}>{t('calendar.reset')}</Button>
      ) : null}
      {save.error ? (
        <Alert tone="error">{errorText(save.error as unknown as Apiish, i18n.language)}</Alert>
      ) : null}
      {save.isSuccess ? <Alert tone="success">{t('calendar.saved')}</Alert> : null}
    </>
  );
}
