import { forwardRef, useImperativeHandle, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalRegistryView } from '../../../../shared/contract/review';
import { ACCESS_CLASSES, type AccessClass } from '../../../../shared/domain/access';
import { Alert, Button, Field } from '../../components';

export interface DecisionDraft {
  access: AccessClass | null;
  basis: string;
  note: string;
  /** The reviewer's edit of the published title; null = the proposal shown (not edited). */
  publishedTitle: string | null;
}

export interface DecisionFormHandle {
  focusBasis(): void;
  focusNote(): void;
}

export const CLASS_KEYS: Record<AccessClass, string> = { public: '1', conditional: '2', secret: '3' };

/** Class (1/2/3), legal basis (B), note (N) and Enter to approve. */
export const DecisionForm = forwardRef<
  DecisionFormHandle,
  {
    draft: DecisionDraft;
    onChange: (draft: DecisionDraft) => void;
    onSubmit: () => void;
    registry: LegalRegistryView | undefined;
    busy: boolean;
    error: string | null;
    approvedAlready: boolean;
    /** The title approval publishes unless edited (masked proposal, or the approved one). */
    proposedTitle: string | null;
    maskedCount: number;
  }
>(function DecisionForm(
  { draft, onChange, onSubmit, registry, busy, error, approvedAlready, proposedTitle, maskedCount },
  ref,
) {
  const { t } = useTranslation();
  const basisRef = useRef<HTMLSelectElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    focusBasis: () => basisRef.current?.focus(),
    focusNote: () => noteRef.current?.focus(),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="decision-form" onSubmit={submit} aria-label={t('review.decision')}>
      <fieldset className="decision-classes">
        <legend className="field-label">{t('review.class')}</legend>
        {ACCESS_CLASSES.map((c) => (
          <label key={c} className={`decision-class decision-class-${c}`}>
            <input
              type="radio"
              name="access"
              value={c}
              checked={draft.access === c}
              onChange={() => onChange({ ...draft, access: c })}
              aria-keyshortcuts={CLASS_KEYS[c]}
            />
            <kbd aria-hidden="true">{CLASS_KEYS[c]}</kbd> {t(`access.${c}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('review.basis')} hint={t('review.basisHint')}>
        {(control) => (
          <select
            {...control}
            ref={basisRef}
            className="input"
            value={draft.basis}
            aria-keyshortcuts="B"
            onChange={(e) => onChange({ ...draft, basis: e.target.value })}
          >
            <option value="">{t('review.chooseBasis')}</option>
            {registry?.versions.map((v) => (
              <optgroup key={v.id} label={t('review.registryVersion', { version: v.id, title: v.title })}>
                {v.entries
                  .filter(
                    (e) => draft.access === null || e.accessClass === null || e.accessClass === draft.access,
                  )
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.citation}: {e.titleVi}
                      {e.verified ? '' : ` (${t('review.unverified')})`}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {draft.access !== 'secret' && proposedTitle !== null ? (
        <Field label={t('review.publishedTitle')} hint={t('review.publishedTitleHint')}>
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={2}
              maxLength={2000}
              value={draft.publishedTitle ?? proposedTitle}
              onChange={(e) => onChange({ ...draft, publishedTitle: e.target.value })}
              onKeyDown={(e) => {
                // Enter approves, as in the other fields; the title is one line.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onSubmit();
                }
              }}
            />
          )}
        </Field>
      ) : null}
      {draft.access !== 'secret' && maskedCount > 0 ? (
        <p className="field-hint">{t('review.publishedTitleMasked', { count: maskedCount })}</p>
      ) : null}
      <Field label={approvedAlready ? t('review.noteRequired') : t('review.note')}>
        {(control) => (
          <input
            {...control}
            ref={noteRef}
            className="input"
            value={draft.note}
            maxLength={4000}
            aria-keyshortcuts="N"
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        )}
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        type="submit"
        variant="primary"
        disabled={busy || draft.access === null || !draft.basis}
        aria-keyshortcuts="Enter"
      >
        {busy ? t('common.saving') : t('review.approve')}
      </Button>
    </form>
  );
});
