import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_CODES, type AgencySettings, type FormCode } from '../../../../shared/contract/agency';
import { useRemoveAgencyForm, useSetAgencyForm } from '../../api/agencyQueries';
import { useApi } from '../../api/ApiContext';
import { Alert, Button, Panel } from '../../components';
import { errorText } from '../../i18n/index';

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The request forms 01a–06 the section offers for download (Decree 13/2018): each is the agency's
 * own file, stored in the archive as soon as it is chosen. The desktop app opens its file dialog;
 * the browser preview uses the browser's file picker.
 */
export function AgencyForms({ agency }: { agency: AgencySettings }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const setForm = useSetAgencyForm();
  const removeForm = useRemoveAgencyForm();
  const picker = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<FormCode | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const busy = setForm.isPending || removeForm.isPending;
  const error = setForm.error ?? removeForm.error;

  const choose = (code: FormCode) => {
    setMessage(null);
    if (api.host === 'electron') {
      setForm.mutate(
        { code },
        { onSuccess: (r) => r && setMessage(t('agency.formSaved', { form: t(`agency.form.${code}`) })) },
      );
    } else {
      setPending(code);
      picker.current?.click();
    }
  };

  return (
    <Panel title={t('agency.formsTitle')}>
      <p className="field-hint">{t('agency.formsIntro')}</p>
      <table className="results-table agency-forms">
        <caption className="visually-hidden">{t('agency.formsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agency.formCol')}</th>
            <th scope="col">{t('agency.fileCol')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agency.actionsCol')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {FORM_CODES.map((code) => {
            const form = agency.forms.find((f) => f.code === code);
            const name = t(`agency.form.${code}`);
            return (
              <tr key={code}>
                <th scope="row">{name}</th>
                <td>
                  {form
                    ? t('agency.formStored', { type: form.ext.toUpperCase(), size: formatSize(form.size) })
                    : t('agency.formMissing')}
                </td>
                <td className="agency-form-actions">
                  <Button
                    size="sm"
                    disabled={busy}
                    onClick={() => choose(code)}
                    aria-label={t(form ? 'agency.replaceNamed' : 'agency.chooseNamed', { form: name })}
                  >
                    {form ? t('agency.replace') : t('agency.choose')}
                  </Button>
                  {form ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      aria-label={t('agency.removeNamed', { form: name })}
                      onClick={() => {
                        setMessage(null);
                        removeForm.mutate(code, { onSuccess: () => setMessage(t('agency.formRemoved', { form: name })) });
                      }}
                    >
                      {t('agency.remove')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {/* Preview only: the browser's picker, driven by the buttons above. */}
      <input
        ref={picker}
        type="file"
        hidden
        accept=".pdf,.doc,.docx,application/pdf"
        aria-label={t('agency.choose')}
        data-testid="agency-form-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          const code = pending;
          e.target.value = '';
          if (!file || !code) return;
          setForm.mutate(
            { code, file },
            { onSuccess: () => setMessage(t('agency.formSaved', { form: t(`agency.form.${code}`) })) },
          );
        }}
      />
      {message ? <p role="status">{message}</p> : null}
      {error ? (
        <Alert tone="error">
          {(error as unknown as { code: string }).code === 'UNSUPPORTED_TYPE'
            ? t('agency.error.formType')
            : errorText(error as unknown as { code: string; message: string }, i18n.language)}
        </Alert>
      ) : null}
    </Panel>
  );
}
