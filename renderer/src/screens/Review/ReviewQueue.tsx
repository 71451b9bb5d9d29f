import { forwardRef, memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../../shared/contract/review';
import { AccessBadge, Badge } from '../../components';

export const optionId = (id: number) => `review-doc-${id}`;

/** Below this mean OCR confidence the text (and so the suggestion) deserves a closer look. */
const LOW_CONFIDENCE = 80;

const QueueRow = memo(function QueueRow({
  item,
  selected,
  draft,
  onSelect,
}: {
  item: ReviewQueueItem;
  selected: boolean;
  draft: boolean;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      id={optionId(item.id)}
      role="option"
      aria-selected={selected}
      className="review-item"
      onClick={() => onSelect(item.id)}
    >
      <span className="review-item-title" title={item.title}>
        {item.title}
      </span>
      <span className="review-item-meta">
        {item.decided ? (
          <>
            <span className="review-item-label">{item.decided.approved ? t('review.approvedShort') : t('review.reviewedShort')}</span>
            <AccessBadge access={item.decided.class} />
          </>
        ) : item.suggested ? (
          <>
            <span className="review-item-label">{t('review.suggestedShort')}</span>
            {item.suggested.class ? <AccessBadge access={item.suggested.class} /> : <Badge tone="info">{t('review.needsReviewShort')}</Badge>}
          </>
        ) : (
          <span className="review-item-label">{t('review.noSuggestionShort')}</span>
        )}
        <span className={item.confidence !== null && item.confidence < LOW_CONFIDENCE ? 'review-conf review-conf-low' : 'review-conf'}>
          {item.confidence === null ? t('review.textLayer') : t('review.ocrConfidence', { value: item.confidence })}
        </span>
        {item.needsCheck.length > 0 ? <Badge tone="warning">{t('headerCheck.badge')}</Badge> : null}
        {item.copies > 0 ? <Badge tone="info">{t('copies.short', { count: item.copies })}</Badge> : null}
        {draft ? <Badge tone="warning">{t('review.draftShort')}</Badge> : null}
      </span>
    </div>
  );
});

/** The queue as one listbox: the active document is announced through aria-activedescendant, so
 *  J/K and ↓/↑ move through it without tabbing; each row shows what was decided or suggested and
 *  how sure the text is (OCR confidence, or "chữ gốc" for a text layer). */
export const ReviewQueue = forwardRef<
  HTMLDivElement,
  { items: ReviewQueueItem[]; selected: number | null; drafts: ReadonlySet<number>; onSelect: (id: number) => void }
>(function ReviewQueue({ items, selected, drafts, onSelect }, ref) {
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
        <QueueRow key={item.id} item={item} selected={item.id === selected} draft={drafts.has(item.id)} onSelect={onSelect} />
      ))}
    </div>
  );
});
