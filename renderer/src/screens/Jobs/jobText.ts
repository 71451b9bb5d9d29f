import type { JobInfo } from '../../../../shared/contract/jobs';
import type { Translate } from '../Document/historyText';

/**
 * A job as the clerk knows it: named after the documents (or, for an import still reading, the
 * files) it works on — never "job no. N" when there is anything better — and its items counted
 * truthfully: what is done, failed, cancelled and still to do.
 */
export function jobName(job: JobInfo, t: Translate): string {
  if (job.documents.length > 0) {
    // An import counts the files it read (a duplicate names a document already there).
    const first = job.documents[0]!.fileName;
    const unit = t(job.unit === 'file' ? 'jobs.unitFile' : 'jobs.unitDocument');
    return job.documentCount > 1 ? t('jobs.nameMore', { first, count: job.documentCount - 1, unit }) : first;
  }
  if (job.files.length > 0) {
    const first = job.files[0]!;
    return job.total > 1 ? t('jobs.nameMore', { first, count: job.total - 1, unit: t('jobs.unitFile') }) : first;
  }
  return t('jobs.job', { id: job.id });
}

/** "120 xong · 3 lỗi · 877 đã huỷ · 0 đang chờ" without the zero parts (but never empty). */
export function jobCounts(job: JobInfo, t: Translate): string {
  const unit = job.unit;
  const parts = (['done', 'failed', 'cancelled', 'running', 'queued'] as const)
    .filter((k) => job.counts[k] > 0)
    .map((k) => t(`jobs.count.${k}`, { count: job.counts[k], unit: t(`jobs.unit.${unit}`, { count: job.counts[k] }) }));
  return parts.length > 0 ? parts.join(' · ') : t('jobs.count.none', { unit: t(`jobs.unit.${unit}`, { count: 0 }) });
}

/** What the bar shows: items finished (done or failed) out of all, so a cancelled job's bar
 *  stops where the work stopped. */
export function jobProgress(job: JobInfo): { value: number; max: number } {
  return { value: job.counts.done + job.counts.failed, max: job.total };
}
