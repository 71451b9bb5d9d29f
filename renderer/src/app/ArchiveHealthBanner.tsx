import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../api/queries';

/** Shown on every screen while the archive is read-only or damaged: what still works, and how to
 *  restore (damaged) or fix (read-only) it. The engine refuses every change meanwhile. */
export function ArchiveHealthBanner() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const archive = info.data?.archive;
  if (!archive || archive.mode === 'normal') return null;
  return (
    <div className="alert alert-error archive-health" role="alert">
      <strong>{t(`archiveHealth.title_${archive.mode}`)}</strong>
      {archive.message ? <p>{archive.message}</p> : null}
      <p>{t('archiveHealth.canRead')}</p>
      <p>{archive.mode === 'damaged' ? t('archiveHealth.restore') : t('archiveHealth.fixReadOnly')}</p>
    </div>
  );
}
