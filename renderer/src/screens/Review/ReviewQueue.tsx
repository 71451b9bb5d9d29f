import { forwardRef, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../../shared/contract/review';
import { AccessBadge, Badge, StatusBadge } from '../../components';

export const optionId = (id: number) => `review-doc-${id}`;

/** The queue as one listbox: focus stays on the list and the active document is announced through
 *  aria-activedescendant, so J/K and ↓/↑ move through it without tabbing. */
export const ReviewQueue = forwardRef<
  HTMLDivElement,
  { items: ReviewQueueItem[]; selected: number | null; onSelect: (id: number) => void }
>(function ReviewQueue({ items, selected, onSelect }, ref) {
  const { t } = useTranslation();
  useEffect(() => {
    if (selected !== null) document.getElementById(optionId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (items.length === 0) return <p className="review-empty">{t('review.empty')}</p>;
  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={0}
      className="review-queue"
      aria-label={t('review.queue')}
      aria-activedescendant={selected !== null ? optionId(selected) : undefined}
    >
      {items.map((item) => (
        <div
          key={item.id}
          id={optionId(item.id)}
          role="option"
          aria-selected={item.id === selected}
          className="review-item"
          onClick={() => onSelect(item.id)}
        >
          <span className="review-item-title">{item.title}</span>
          <span className="review-item-badges">
            {item.decided ? (
              <>
                <span className="visually-hidden">{t('review.decidedLabel')} </span>
                <AccessBadge access={item.decided.class} />
              </>
            ) : item.suggested ? (
              <>
                <span className="review-item-label">{t('review.suggestedShort')}</span>{' '}
                <AccessBadge access={item.suggested.class} />
              </>
            ) : null}{' '}
            <StatusBadge status={item.status} />
            {item.needsCheck.length > 0 ? (
              <>
                {' '}
                <Badge tone="warning">{t('headerCheck.badge')}</Badge>
              </>
            ) : null}
            {item.copies > 0 ? (
              <>
                {' '}
                <Badge tone="info">{t('copies.short', { count: item.copies })}</Badge>
              </>
            ) : null}
          </span>
        </div>
      ))}
    </div>
  );
});
