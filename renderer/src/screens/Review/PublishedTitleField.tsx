import { useTranslation } from 'react-i18next';
import type { AccessClass } from '../../../../shared/domain/access';
import { Field } from '../../components';

/**
 * The title approval publishes (personal data masked as "[đã che]"), editable before approving:
 * what the reviewer sees here is what the catalogue rows carry. Not shown for secret, which
 * publishes nothing.
 */
export function PublishedTitleField({
  access,
  value,
  proposed,
  maskedCount,
  onChange,
  onSubmit,
}: {
  access: AccessClass | null;
  /** The reviewer's edit; null = the proposal. */
  value: string | null;
  /** The masked proposal, or the title already approved; null while unknown. */
  proposed: string | null;
  maskedCount: number;
  onChange: (title: string) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  if (access === 'secret' || proposed === null) return null;
  return (
    <>
      <Field label={t('review.publishedTitle')} hint={t('review.publishedTitleHint')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            maxLength={2000}
            value={value ?? proposed}
            onChange={(e) => onChange(e.target.value)}
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
      {maskedCount > 0 ? <p className="field-hint">{t('review.publishedTitleMasked', { count: maskedCount })}</p> : null}
    </>
  );
}
