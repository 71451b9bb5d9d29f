import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencySettings } from '../../../shared/contract/agency';
import { useSaveAgency } from '../api/agencyQueries';
import { useSaveSettings } from '../api/queries';
import { Alert, Button, Field } from '../components';
import { errorText } from '../i18n/index';
import '../screens/Settings/settings.css';

/**
 * First start: who is working (recorded with every correction and decision, never the OS
 * account) and which agency publishes (printed on the published section). Both are needed before
 * anything is recorded, so the dialog stays until they are given; everything else about the
 * agency can wait for Settings.
 */
export function FirstStartDialog({ agency }: { agency: AgencySettings }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const saveSettings = useSaveSettings();
  const saveAgency = useSaveAgency();
  const [reviewer, setReviewer] = useState('');
  const [agencyName, setAgencyName] = useState(agency.name ?? '');
  const [errors, setErrors] = useState<{ reviewer?: string; agency?: string }>({});

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: { reviewer?: string; agency?: string } = {};
    if (reviewer.trim() === '') next.reviewer = t('firstStart.reviewerRequired');
    else if (reviewer.trim().length > 200) next.reviewer = t('agency.error.tooLong', { max: 200 });
    if (agencyName.trim() === '') next.agency = t('firstStart.agencyRequired');
    else if (agencyName.trim().length > 300) next.agency = t('agency.error.tooLong', { max: 300 });
    setErrors(next);
    if (next.reviewer || next.agency) return;
    // The agency first: the settings change is what closes the dialog.
    const name = agencyName.trim();
    const savingAgency = name !== agency.name ? saveAgency.mutateAsync({ name }) : Promise.resolve(agency);
    void savingAgency
      .then(() => saveSettings.mutateAsync({ reviewerName: reviewer.trim() }))
      .catch(() => undefined); // shown from the mutations' error state
  };

  const error = saveAgency.error ?? saveSettings.error;
  const busy = saveAgency.isPending || saveSettings.isPending;
  return (
    <dialog
      ref={ref}
      className="first-start-dialog"
      aria-labelledby="first-start-title"
      aria-describedby="first-start-intro"
      // Needed before anything is recorded: Escape does not dismiss it.
      onCancel={(e) => e.preventDefault()}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id="first-start-title" className="panel-title">
          {t('firstStart.title')}
        </h2>
        <p id="first-start-intro">{t('firstStart.intro')}</p>
        <Field label={t('firstStart.reviewer')} hint={t('firstStart.reviewerHint')} error={errors.reviewer ?? null}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="name"
              value={reviewer}
              onChange={(e) => setReviewer(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('firstStart.agency')} hint={t('firstStart.agencyHint')} error={errors.agency ?? null}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="organization"
              value={agencyName}
              onChange={(e) => setAgencyName(e.target.value)}
            />
          )}
        </Field>
        {error ? (
          <Alert tone="error">{errorText(error as unknown as { code: string; message: string }, i18n.language)}</Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('common.saving') : t('firstStart.start')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
