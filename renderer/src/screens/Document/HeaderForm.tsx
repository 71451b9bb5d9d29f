import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { useUpdateHeader } from '../../api/queries';
import { Alert, Badge, Button, Field, Panel } from '../../components';
import { HeaderCheck } from './HeaderCheck';
import { errorText } from '../../i18n/index';
import {
  changedFields,
  FORM_FIELDS,
  HeaderFormSchema,
  toFormValues,
  type FormField,
  type FormValues,
} from './headerForm';

/** The document's header fields (Decree 30), validated with zod before anything is sent. */
export function HeaderForm({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const initial = toFormValues(document.header);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateHeader(document.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const parsed = HeaderFormSchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<FormField, string>> = {};
      for (const issue of parsed.error.issues) {
        const [key, max] = issue.message.split(':');
        next[issue.path[0] as FormField] = t(key!, { max });
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const patch = changedFields(initial, values);
    if (Object.keys(patch).length === 0) {
      setNotice(t('header.unchanged'));
      return;
    }
    update.mutate(patch, {
      onSuccess: (detail) => {
        setValues(toFormValues(detail.header));
        setNotice(t('common.saved'));
      },
    });
  };

  const check = new Map(document.headerFields.filter((h) => h.needsCheck).map((h) => [h.key, h]));
  const checkHint = (f: FormField) => {
    const field = check.get(f);
    return field ? t('headerCheck.fieldHint', { percent: Math.round(field.ocrConfidence ?? 0) }) : null;
  };
  return (
    <Panel title={t('document.metadata')}>
      <HeaderCheck document={document} />
      <form className="header-form" onSubmit={onSubmit} noValidate>
        {FORM_FIELDS.map((f) => (
          <Field
            key={f}
            label={
              check.has(f) ? (
                <>
                  {t(`header.${f}`)} <Badge tone="warning">{t('headerCheck.badge')}</Badge>
                </>
              ) : (
                t(`header.${f}`)
              )
            }
            hint={
              [checkHint(f), f === 'issuedDate' ? t('header.issuedDateHint') : null].filter(Boolean).join(' ') ||
              undefined
            }
            error={errors[f] ?? null}
            className={f === 'subject' ? 'span-2' : undefined}
          >
            {(control) =>
              f === 'subject' ? (
                <textarea
                  {...control}
                  name={f}
                  rows={3}
                  value={values[f]}
                  onChange={(e) => setValues({ ...values, [f]: e.target.value })}
                />
              ) : (
                <input
                  {...control}
                  name={f}
                  type="text"
                  value={values[f]}
                  inputMode={f === 'issuedDate' ? 'numeric' : undefined}
                  onChange={(e) => setValues({ ...values, [f]: e.target.value })}
                />
              )
            }
          </Field>
        ))}
        <div className="span-2 form-actions">
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </Button>
          {notice ? <span role="status">{notice}</span> : null}
        </div>
        {update.error ? (
          <div className="span-2">
            <Alert tone="error">
              {errorText(update.error as unknown as { code: string; message: string }, i18n.language)}
            </Alert>
          </div>
        ) : null}
      </form>
    </Panel>
  );
}
