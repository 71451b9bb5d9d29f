import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobs, useRunOcr, useSettings } from '../../api/queries';
import { hrefOf } from '../../app/router';
import { Alert, Button, PageHeader } from '../../components';
import { errorText } from '../../i18n/index';
import { JobCard } from './JobCard';

/** Every job of the pipeline (import → OCR → header + suggestion), newest first, and "OCR all"
 *  for the pages still without text (when automatic OCR is off, or after a failure). */
export function JobsScreen() {
  const { t, i18n } = useTranslation();
  const jobs = useJobs();
  const settings = useSettings();
  const ocrAll = useRunOcr();
  const [message, setMessage] = useState<string | null>(null);
  const autoOcr = settings.data?.settings.autoOcr;
  return (
    <div className="screen">
      <PageHeader
        title={t('jobs.title')}
        subtitle={
          autoOcr === undefined ? undefined : (
            <>
              {autoOcr ? t('jobs.autoOcrOn') : t('jobs.autoOcrOff')}{' '}
              <a href={hrefOf({ name: 'settings' })}>{t('jobs.autoOcrSettings')}</a>
            </>
          )
        }
        actions={
          <Button
            onClick={() => {
              setMessage(null);
              ocrAll.mutate(undefined, { onSuccess: () => setMessage(t('jobs.ocrAllStarted')) });
            }}
            disabled={ocrAll.isPending}
          >
            {t('jobs.ocrAll')}
          </Button>
        }
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {ocrAll.error ? (
        <Alert tone="error">{errorText(ocrAll.error as unknown as { code: string; message: string }, i18n.language)}</Alert>
      ) : null}
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
