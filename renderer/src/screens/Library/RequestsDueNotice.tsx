import { useTranslation } from 'react-i18next';
import { useDueCounts } from '../../api/requestQueries';

/** The Library header's reminder: open requests for information near or past their due date. */
export function RequestsDueNotice() {
  const { t } = useTranslation();
  const due = useDueCounts();
  if (!due.data || due.data.near + due.data.overdue === 0) return null;
  return (
    <a href="#/requests" className="badge badge-warning library-requests" data-testid="requests-due">
      {t('requests.libraryDue', { near: due.data.near, overdue: due.data.overdue })}
    </a>
  );
}
