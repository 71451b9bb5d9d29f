import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../../shared/contract/jobs';
import { useJobAction, useJobs } from '../../api/queries';
import { Alert, Badge, Button, PageHeader, Panel, ProgressBar } from '../../components';
import { errorText } from '../../i18n/index';

const STATE_TONE = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  failed: 'danger',
  cancelled: 'warning',
} as const;

function JobCard({ job }: { job: JobInfo }) {
  const { t, i18n } = useTranslation();
  const cancel = useJobAction('jobs:cancel');
  const retry = useJobAction('jobs:retry');
  const active = job.state === 'running' || job.state === 'queued';
  const kind = t(`jobs.kind.${job.kind}`, { defaultValue: job.kind });
  return (
    <Panel
      level={2}
      title={`${kind} · ${t('jobs.job', { id: job.id })}`}
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
            </Button>
          ) : null}
          {!active && job.failures.length > 0 ? (
            <Button size="sm" onClick={() => retry.mutate(job.id)} disabled={retry.isPending}>
              {t('jobs.retry')}
            </Button>
          ) : null}
        </>
      }
    >
      <ProgressBar
        value={job.done}
        max={job.total}
        label={t('jobs.progressLabel', { id: job.id })}
        text={t('jobs.progress', { done: job.done, total: job.total })}
      />
      <p className="field-hint">
        {t('jobs.started', {
          at: new Date(job.createdAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN'),
        })}
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

/** Import jobs now, OCR jobs when the OCR engine lands: same list, kind-specific label. */
export function JobsScreen() {
  const { t, i18n } = useTranslation();
  const jobs = useJobs();
  return (
    <div className="screen">
      <PageHeader title={t('jobs.title')} />
      {jobs.error ? (
        <Alert tone="error">
          {errorText(jobs.error as unknown as { code: string; message: string }, i18n.language)}
        </Alert>
      ) : null}
      {jobs.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {jobs.data?.length === 0 ? <Alert tone="info">{t('jobs.empty')}</Alert> : null}
      <div className="jobs-list">
        {jobs.data?.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </div>
    </div>
  );
}
