import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalFilter, ApprovalItem } from '../../../../shared/contract/review';
import { useApproveSuggestions } from '../../api/queries';
import { AccessBadge, Alert, Button } from '../../components';
import { errorText } from '../../i18n/index';
import { BasisLabel } from './BasisPicker';
import { findOption, type BasisOption } from './basisSearch';

/** The dry run of bulk approval in a modal dialog: exactly these documents are approved on
 *  confirmation (the handler refuses if the plan changed in between). Never the primary action:
 *  the confirm button is a plain one and Cancel comes first. */
export function BulkApprovalDialog({
  filter,
  items,
  options,
  onClose,
  onDone,
}: {
  filter: ApprovalFilter;
  items: ApprovalItem[];
  options: BasisOption[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const approve = useApproveSuggestions();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="bulk-dialog" aria-labelledby="bulk-title" onClose={onClose}>
      <h2 id="bulk-title" className="panel-title">
        {t('review.bulkTitle')}
      </h2>
      <p>{items.length > 0 ? t('review.bulkSummary', { count: items.length }) : t('review.bulkNothing')}</p>
      {items.length > 0 ? (
        <div className="bulk-scroll" tabIndex={0} role="region" aria-label={t('review.bulkTitle')}>
          <table className="bulk-table">
            <caption className="visually-hidden">{t('review.bulkTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.colDocument')}</th>
                <th scope="col">{t('review.colFrom')}</th>
                <th scope="col">{t('review.colTo')}</th>
                <th scope="col">{t('review.colBasis')}</th>
                <th scope="col">{t('review.colPublishedTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>
                    <AccessBadge access={item.from} />
                  </td>
                  <td>
                    <AccessBadge access={item.to} />
                  </td>
                  <td>
                    {(() => {
                      const o = findOption(options, item.basis);
                      return o ? <BasisLabel option={o} /> : item.basis;
                    })()}
                  </td>
                  <td>{item.publishedTitle ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {approve.error ? (
        <Alert tone="error">
          {errorText(approve.error as unknown as { code: string; message: string }, i18n.language)}
        </Alert>
      ) : null}
      <div className="bulk-actions">
        <Button onClick={() => ref.current?.close()}>{t('common.cancel')}</Button>
        {items.length > 0 ? (
          <Button
            variant="secondary"
            disabled={approve.isPending}
            onClick={() =>
              approve.mutate(
                { ...filter, items },
                {
                  onSuccess: (result) => {
                    onDone(result.items.length);
                    ref.current?.close();
                  },
                },
              )
            }
          >
            {t('review.bulkConfirm', { count: items.length })}
          </Button>
        ) : null}
      </div>
    </dialog>
  );
}
