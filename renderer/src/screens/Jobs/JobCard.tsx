import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../../shared/contract/jobs';
import { useJobAction } from '../../api/queries';
import { hrefOf } from '../../app/router';
import { Alert, Badge, Button, Panel, ProgressBar } from '../../components';
import { errorText } from '../../i18n/index';
import { jobCounts, jobName, jobProgress } from './jobText';

const STATE_TONE = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  failed: 'danger',
  cancelled: 'warning',
} as const;

function time(iso: string | null, lng: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lng === 'en' ? 'en-GB' : 'vi-VN');
}

/** One job: what it works on, whether it runs or waits its turn, true counts, the item in flight
 *  with its own progress (a long TIFF being read), cancel while it is not finished, retry of
 *  what failed or was cancelled. */
export function JobCard({ job }: { job: JobInfo }) {
  const { t, i18n } = useTranslation();
  const cancel = useJobAction('jobs:cancel');
  const retry = useJobAction('jobs:retry');
  const active = job.state === 'running' || job.state === 'queued';
  const kind = t(`jobs.kind.${job.kind}`, { defaultValue: job.kind });
  const name = jobName(job, (k, o) => t(k, o ?? {}));
  const progress = jobProgress(job);
  const started = time(job.startedAt, i18n.language);
  const finished = time(job.finishedAt, i18n.language);
  return (
    <Panel
      level={2}
      className="job-card"
      title={
        <>
          {kind}: <span className="break">{name}</span>
        </>
      }
      actions={
        <>
          <Badge tone={STATE_TONE[job.state]}>{t(`jobs.state.${job.state}`)}</Badge>
          {active ? (
            <Button
              size="sm"
              variant="danger"
              onClick={() => cancel.mutate(job.id)}
              disabled={cancel.isPending}
            >
              {t('jobs.cancel')}
              <span className="visually-hidden">: {`${kind}: ${name}`}</span>
            </Button>
          ) : null}
          {job.retryable ? (
            <Button size="sm" onClick={() => retry.mutate(job.id)} disabled={retry.isPending}>
              {t('jobs.retry')}
            </Button>
          ) : null}
        </>
      }
    >
      <ProgressBar
        value={progress.value}
        max={progress.max}
        label={t('jobs.progressLabel', { name: `${kind}: ${name}` })}
        text={t('jobs.progress', { done: progress.value, total: progress.max })}
      />
      <p className="job-counts">{jobCounts(job, (k, o) => t(k, o ?? {}))}</p>
      {job.current.map((item) => (
        <div key={item.label} className="job-current">
          <ProgressBar
            value={item.done}
            max={item.total}
            label={t('jobs.currentLabel', { label: item.label })}
            text={t('jobs.current', { label: item.label, done: item.done, total: item.total })}
          />
        </div>
      ))}
      {job.documents.length > 1 ? (
        <p className="field-hint job-documents">
          {t('jobs.documents')}{' '}
          {job.documents.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ', ' : ''}
              <a href={hrefOf({ name: 'document', id: d.id, page: 1 })} className="break">
                {d.fileName}
              </a>
            </span>
          ))}
          {job.documentCount > job.documents.length ? ` ${t('jobs.andMore', { count: job.documentCount - job.documents.length })}` : ''}
        </p>
      ) : job.documents.length === 1 ? (
        <p className="field-hint">
          <a href={hrefOf({ name: 'document', id: job.documents[0]!.id, page: 1 })}>
            {t('jobs.openDocument', { name: job.documents[0]!.fileName })}
          </a>
        </p>
      ) : null}
      <p className="field-hint">
        {job.state === 'queued' && !started ? t('jobs.waitingSince', { at: time(job.createdAt, i18n.language) }) : null}
        {started ? t('jobs.started', { at: started }) : null}
        {finished ? ` · ${t('jobs.finished', { at: finished })}` : null}
        {job.parentId ? ` · ${t('jobs.after', { id: job.parentId })}` : null}
        {` · ${t('jobs.number', { id: job.id })}`}
      </p>
      {job.error ? <Alert tone="error">{job.error}</Alert> : null}
      {job.failures.length > 0 ? (
        <details className="job-failures">
          <summary>{t('jobs.failures', { count: job.failures.length })}</summary>
          <ul>
            {job.failures.map((f, i) => (
              <li key={i}>
                <span className="break">{f.label}</span>:{' '}
                <span className="result-error">{errorText(f.error, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Panel>
  );
}
