import { useTranslation } from 'react-i18next';
import { Field, Panel } from '../../components';
import type { AgencyField, AgencyValues } from './agencyForm';

type Errors = Partial<Record<AgencyField, { key: string; max?: number }>>;

/** One labelled input of the agency form, with its plain-language explanation. */
function AgencyInput({
  field,
  values,
  errors,
  onChange,
  type = 'text',
  multiline = false,
}: {
  field: AgencyField;
  values: AgencyValues;
  errors: Errors;
  onChange: (next: AgencyValues) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const error = errors[field];
  return (
    <Field
      label={t(`agency.field.${field}`)}
      hint={t(`agency.hint.${field}`)}
      error={error ? t(error.key, { max: error.max }) : null}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            name={field}
            rows={2}
            value={values[field]}
            onChange={(e) => onChange({ ...values, [field]: e.target.value })}
          />
        ) : (
          <input
            {...control}
            name={field}
            type={type}
            {...(type === 'number' ? { min: 1, max: 1200, inputMode: 'numeric' as const } : {})}
            value={values[field]}
            onChange={(e) => onChange({ ...values, [field]: e.target.value })}
          />
        )
      }
    </Field>
  );
}

/**
 * What the published access-to-information section says about the agency (Decree 13/2018
 * Art. 11): who publishes, whom to contact, where requests and feedback go, where the section
 * lives on the web, how long a document stays listed. Saved with the rest of Settings.
 */
export function AgencyFields({
  values,
  errors,
  onChange,
}: {
  values: AgencyValues;
  errors: Errors;
  onChange: (next: AgencyValues) => void;
}) {
  const { t } = useTranslation();
  const common = { values, errors, onChange };
  return (
    <>
      <Panel title={t('agency.title')}>
        <p className="field-hint">{t('agency.intro')}</p>
        <AgencyInput field="name" {...common} />
        <AgencyInput field="address" multiline {...common} />
      </Panel>
      <Panel title={t('agency.focalTitle')}>
        <p className="field-hint">{t('agency.focalIntro')}</p>
        <div className="agency-grid">
          <AgencyInput field="focalName" {...common} />
          <AgencyInput field="focalPosition" {...common} />
          <AgencyInput field="focalPhone" type="tel" {...common} />
          <AgencyInput field="focalEmail" type="email" {...common} />
        </div>
      </Panel>
      <Panel title={t('agency.addressesTitle')}>
        <AgencyInput field="requestAddress" {...common} />
        <AgencyInput field="feedbackAddress" {...common} />
        <AgencyInput field="siteUrl" type="url" {...common} />
        <AgencyInput field="defaultPeriodMonths" type="number" {...common} />
      </Panel>
    </>
  );
}
