import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarDocument } from '../../../../shared/contract/review';
import type { AccessClass } from '../../../../shared/domain/access';
import { useDecideGroup, useSimilarDocuments } from '../../api/queries';
import { AccessBadge, Alert, Button } from '../../components';
import { errorText } from '../../i18n/index';
import { BasisLabel } from './BasisPicker';
import type { BasisOption } from './basisSearch';

/** A near-identical document is checked unless its own suggestion says another class. */
const checkedByDefault = (d: SimilarDocument, access: AccessClass) =>
  !d.suggested?.class || d.suggested.class === access;

/**
 * Group review in a modal dialog: the documents like the current one (same type, issuer, subject
 * pattern) with no decision yet, each with a checkbox; the reviewer's decision (class, basis,
 * note) is applied to the current document and the checked ones as one batch (undo takes it all
 * back). Ones whose suggestion disagrees start unchecked and say so.
 */
export function GroupDialog({
  documentId,
  title,
  access,
  basis,
  note,
  onClose,
  onDone,
}: {
  documentId: number;
  title: string;
  access: AccessClass;
  basis: BasisOption;
  note: string;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const similar = useSimilarDocuments(documentId);
  const decide = useDecideGroup();
  const [unchecked, setUnchecked] = useState<Set<number> | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Enter confirms once the list is there (Esc cancels): the dialog opens on its action.
  const ready = similar.isSuccess;
  useEffect(() => {
    if (ready) ref.current?.querySelector<HTMLButtonElement>('.bulk-actions .btn-primary')?.focus();
  }, [ready]);
  const items = similar.data?.items ?? [];
  const off = unchecked ?? new Set(items.filter((d) => !checkedByDefault(d, access)).map((d) => d.id));
  const checked = items.filter((d) => !off.has(d.id)).map((d) => d.id);
  const toggle = (id: number) => {
    const next = new Set(off);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setUnchecked(next);
  };
  return (
    <dialog ref={ref} className="bulk-dialog group-dialog" aria-labelledby="group-title" onClose={onClose}>
      <h2 id="group-title" className="panel-title">
        {t('review.groupTitle')}
      </h2>
      <p>
        {t('review.groupApplying', { access: t(`access.${access}`) })} <BasisLabel option={basis} />
      </p>
      <p>{t('review.groupCurrent', { title })}</p>
      {similar.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {similar.data && items.length === 0 ? <p>{t('review.groupNone')}</p> : null}
      {items.length > 0 ? (
        <fieldset className="group-list">
          <legend>{t('review.groupLegend', { count: items.length })}</legend>
          {items.map((d) => (
            <label key={d.id} className="group-item">
              <input type="checkbox" checked={!off.has(d.id)} onChange={() => toggle(d.id)} />
              <span className="group-item-title">{d.title}</span>
              <span className="group-item-meta">
                {t('review.suggestedShort')} <AccessBadge access={d.suggested?.class ?? null} />
                {d.suggested?.class && d.suggested.class !== access ? (
                  <strong className="group-warn"> {t('review.groupDisagrees')}</strong>
                ) : null}
                <span> · {t('review.groupSimilarity', { value: Math.round(d.similarity * 100) })}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {decide.error ? (
        <Alert tone="error">{errorText(decide.error as unknown as { code: string; message: string }, i18n.language)}</Alert>
      ) : null}
      <div className="bulk-actions">
        <Button onClick={() => ref.current?.close()}>{t('common.cancel')}</Button>
        <Button
          variant="primary"
          disabled={decide.isPending || similar.isPending}
          onClick={() =>
            decide.mutate(
              { ids: [documentId, ...checked], access, basis: basis.id, ...(note.trim() ? { note: note.trim() } : {}) },
              {
                onSuccess: (r) => {
                  onDone(r.ids.length);
                  ref.current?.close();
                },
              },
            )
          }
        >
          {t('review.groupConfirm', { count: checked.length + 1 })}
        </Button>
      </div>
    </dialog>
  );
}
