import { useTranslation } from 'react-i18next';
import type { ReviewQueueQuery } from '../../../../shared/contract/review';
import { ACCESS_CLASSES, DOCUMENT_STATUSES } from '../../../../shared/domain/access';
import { useReviewCounts } from '../../api/queries';
import { DOC_TYPES } from '../../api/filters';

export type Filters = Omit<ReviewQueueQuery, 'limit'>;

/** The queue's filters and what is left to review, by suggested class. */
export function ReviewFilters({
  filters,
  total,
  onChange,
}: {
  filters: Filters;
  total: number;
  onChange: (next: Filters) => void;
}) {
  const { t } = useTranslation();
  const counts = useReviewCounts();
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const left = counts.data?.left;
  return (
    <div className="review-toolbar">
      <fieldset className="library-filters review-filters">
        <legend className="visually-hidden">{t('review.filters')}</legend>
        <label>
          <span className="visually-hidden">{t('review.filterSuggested')}</span>
          <select
            className="input"
            value={filters.suggested ?? ''}
            onChange={(e) => set('suggested', (e.target.value || undefined) as Filters['suggested'])}
          >
            <option value="">{t('review.allSuggested')}</option>
            {ACCESS_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t('review.suggestedIs', { access: t(`access.${c}`) })}
              </option>
            ))}
            <option value="none">{t('review.needsReview')}</option>
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('review.filterStatus')}</span>
          <select
            className="input"
            value={filters.undecided ? 'undecided' : (filters.status ?? '')}
            onChange={(e) => {
              const v = e.target.value;
              const next = { ...filters };
              delete next.status;
              delete next.undecided;
              if (v === 'undecided') next.undecided = true;
              else if (v) next.status = v as Filters['status'];
              onChange(next);
            }}
          >
            <option value="">{t('status.all')}</option>
            <option value="undecided">{t('review.onlyUndecided')}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('library.docType')}</span>
          <select className="input" value={filters.docType ?? ''} onChange={(e) => set('docType', e.target.value || undefined)}>
            <option value="">{t('library.allTypes')}</option>
            {DOC_TYPES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <span className="review-count">{t('review.count', { count: total })}</span>
      </fieldset>
      {left ? (
        <p className="review-left" aria-live="polite">
          <strong>{t('review.left', { count: left.total })}</strong>{' '}
          {t('review.leftBy', {
            public: left.public,
            conditional: left.conditional,
            secret: left.secret,
            needsReview: left.needsReview,
            noSuggestion: left.noSuggestion,
          })}
        </p>
      ) : null}
    </div>
  );
}
