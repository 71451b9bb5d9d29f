import { forwardRef, useId, useImperativeHandle, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_CLASSES, type AccessClass } from '../../../../shared/domain/access';
import { Alert, Button, Field } from '../../components';
import { BasisLabel, BasisPicker, type BasisPickerHandle } from './BasisPicker';
import { findOption, type BasisOption } from './basisSearch';
import type { DecisionDraft } from './decisionDraft';

export interface DecisionFormHandle {
  openPicker(): void;
  focusNote(): void;
}

export const CLASS_KEYS: Record<AccessClass, string> = { public: '1', conditional: '2', secret: '3' };

/**
 * Class (1/2/3), legal basis (B: a searchable picker), note (N) and Enter to approve. The basis
 * shown is always one the reviewer picked, the suggestion's or the recorded decision's — never a
 * default. `children` go between the basis and the note (further fields of a decision).
 */
export const DecisionForm = forwardRef<
  DecisionFormHandle,
  {
    draft: DecisionDraft;
    options: BasisOption[];
    onClass: (access: AccessClass) => void;
    /** Public with redactions (key 4). */
    onPartial: () => void;
    onPick: (basis: string) => void;
    onNote: (note: string) => void;
    onSubmit: () => void;
    /** Focus back to the review keys (after a pick or Esc). */
    onDone: () => void;
    busy: boolean;
    error: string | null;
    approvedAlready: boolean;
    children?: ReactNode;
  }
>(function DecisionForm(
  { draft, options, onClass, onPartial, onPick, onNote, onSubmit, onDone, busy, error, approvedAlready, children },
  ref,
) {
  const { t } = useTranslation();
  const pickerRef = useRef<BasisPickerHandle>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useImperativeHandle(ref, () => ({
    openPicker: () => pickerRef.current?.open(),
    focusNote: () => noteRef.current?.focus(),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const chosen = findOption(options, draft.basis);
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
              checked={draft.access === c && !(c === 'public' && draft.partial)}
              onChange={() => onClass(c)}
              aria-keyshortcuts={CLASS_KEYS[c]}
            />
            <kbd aria-hidden="true">{CLASS_KEYS[c]}</kbd> {t(`access.${c}`)}
          </label>
        ))}
        <label className="decision-class decision-class-partial">
          <input
            type="radio"
            name="access"
            value="partial"
            checked={draft.access === 'public' && draft.partial === true}
            onChange={onPartial}
            aria-keyshortcuts="4"
          />
          <kbd aria-hidden="true">4</kbd> {t('access.partial')}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-basis`} className="field-label">
          {t('review.basis')}
        </label>
        <div id={`${id}-chosen`} className="basis-chosen" aria-live="polite">
          {chosen ? (
            <>
              <span className="visually-hidden">{t('review.basisChosen')} </span>
              <BasisLabel option={chosen} />
              {draft.source === 'suggested' ? <span className="basis-source">{t('review.basisFromSuggestion')}</span> : null}
            </>
          ) : (
            <span className="basis-missing">{t('review.basisMissing')}</span>
          )}
        </div>
        <BasisPicker
          ref={pickerRef}
          inputId={`${id}-basis`}
          options={options}
          access={draft.access}
          value={draft.basis}
          onPick={onPick}
          onDone={onDone}
          describedBy={`${id}-chosen ${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('review.basisHint')}
        </p>
      </div>
      {children}
      <Field label={approvedAlready ? t('review.noteRequired') : t('review.note')}>
        {(control) => (
          <input
            {...control}
            ref={noteRef}
            className="input"
            value={draft.note}
            maxLength={4000}
            aria-keyshortcuts="N"
            onChange={(e) => onNote(e.target.value)}
          />
        )}
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" variant="primary" disabled={busy} aria-keyshortcuts="Enter">
        {busy ? t('common.saving') : t('review.approve')}
      </Button>
    </form>
  );
});
