import { CalendarSettings } from './CalendarSettings';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES, Settings, type SettingsResult } from '../../../../shared/contract/settings';
import type { AgencySettings } from '../../../../shared/contract/agency';
import { useAgency, useSaveAgency } from '../../api/agencyQueries';
import { useApi } from '../../api/ApiContext';
import { useSaveSettings, useSettings } from '../../api/queries';
import { AgencyFields } from './AgencyFields';
import { AgencyForms } from './AgencyForms';
import { agencyErrors, agencyPatch, toAgencyValues, type AgencyValues } from './agencyForm';
import './settings.css';
import { Alert, Button, Field, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { ModelPanel } from './ModelPanel';
import { ScanProfilesPanel } from './ScanProfilesPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const agency = useAgency();
  return (
    <div className="screen">
      <PageHeader title={t('settings.title')} />
      {settings.data && agency.data ? (
        <SettingsForm initial={settings.data} agency={agency.data} />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <ModelPanel />
      <ScanProfilesPanel />
    </div>
  );
}

function SettingsForm({ initial, agency }: { initial: SettingsResult; agency: AgencySettings }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const save = useSaveSettings();
  const [values, setValues] = useState(initial.settings);
  const [inbox, setInbox] = useState(initial.settings.scanInbox ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const saveAgency = useSaveAgency();
  const [agencyBefore, setAgencyBefore] = useState<AgencyValues>(() => toAgencyValues(agency));
  const [agencyValues, setAgencyValues] = useState<AgencyValues>(agencyBefore);
  const [agencyFieldErrors, setAgencyFieldErrors] = useState<ReturnType<typeof agencyErrors>>({});
  const electron = api.host === 'electron';

  const chooseFolder = async (apply: (path: string) => void) => {
    const { path } = await api.call('settings:chooseFolder', {});
    if (path) apply(path);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const candidate = { ...values, scanInbox: inbox.trim() === '' ? null : inbox.trim() };
    const parsed = Settings.safeParse(candidate);
    const next: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        next[key] =
          key === 'ocrWorkers'
            ? t('settings.workersRange')
            : key === 'ocrLanguages'
              ? t('settings.needLanguage')
              : issue.message;
      }
    }
    // The name goes into the audit trail with every correction and decision: never blank.
    if (values.reviewerName.trim() === '') next.reviewerName = t('firstStart.reviewerRequired');
    const agencyProblems = agencyErrors(agencyValues);
    setErrors(next);
    setAgencyFieldErrors(agencyProblems);
    if (!parsed.success || Object.keys(next).length > 0 || Object.keys(agencyProblems).length > 0) return;
    // No surprises on save: only what was changed on this form is sent — the interface language
    // (switched in the navigation bar) and anything changed elsewhere meanwhile stay as they are.
    const changed = { ...parsed.data, reviewerName: parsed.data.reviewerName.trim() };
    const settingsPatch = Object.fromEntries(
      Object.entries(changed).filter(
        ([key, value]) =>
          key !== 'language' &&
          JSON.stringify(value) !== JSON.stringify(initial.settings[key as keyof typeof initial.settings]),
      ),
    );
    const patch = agencyPatch(agencyBefore, agencyValues);
    const savingAgency = Object.keys(patch).length > 0 ? saveAgency.mutateAsync(patch) : Promise.resolve(null);
    const savingSettings = save.mutateAsync(settingsPatch);
    void Promise.all([savingSettings, savingAgency])
      .then(([result, savedAgency]) => {
        if (savedAgency) {
          const fresh = toAgencyValues(savedAgency);
          setAgencyBefore(fresh);
          setAgencyValues(fresh);
        }
        setValues((v) => ({ ...v, ...result.settings }));
        setSaved(true);
      })
      .catch(() => undefined); // shown from the mutations' error state below
  };

  const result = save.data ?? initial;
  return (
    <>
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <Panel title={t('settings.storage')}>
          <Field label={t('settings.dataDir')} hint={t('settings.dataDirHint')}>
            {(control) => (
              <div className="input-row">
                <input
                  {...control}
                  type="text"
                  value={values.dataDir}
                  onChange={(e) => setValues({ ...values, dataDir: e.target.value })}
                />
                {electron ? (
                  <Button
                    onClick={() => void chooseFolder((dataDir) => setValues((v) => ({ ...v, dataDir })))}
                  >
                    {t('common.choose')}
                  </Button>
                ) : null}
              </div>
            )}
          </Field>
          {result.restartRequired ? <Alert tone="warning">{t('settings.restart')}</Alert> : null}
        </Panel>

        <Panel title={t('settings.ocr')}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.autoOcr}
              aria-describedby="auto-ocr-hint"
              onChange={(e) => setValues({ ...values, autoOcr: e.target.checked })}
            />
            {t('settings.autoOcr')}
          </label>
          <p id="auto-ocr-hint" className="field-hint">
            {t('settings.autoOcrHint')}
          </p>
          <fieldset
            className="checkbox-group"
            aria-describedby={errors.ocrLanguages ? 'ocr-lang-error' : undefined}
          >
            <legend className="field-label">{t('settings.ocrLanguages')}</legend>
            {OCR_LANGUAGES.map((lang) => (
              <label key={lang} className="checkbox">
                <input
                  type="checkbox"
                  checked={values.ocrLanguages.includes(lang)}
                  onChange={(e) =>
                    setValues({
                      ...values,
                      ocrLanguages: e.target.checked
                        ? [...values.ocrLanguages, lang]
                        : values.ocrLanguages.filter((l) => l !== lang),
                    })
                  }
                />
                {t(`settings.lang.${lang}`)}
              </label>
            ))}
            {errors.ocrLanguages ? (
              <p id="ocr-lang-error" className="field-error">
                {errors.ocrLanguages}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('settings.ocrWorkers')}
            hint={t('settings.ocrWorkersHint')}
            error={errors.ocrWorkers ?? null}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={8}
                value={values.ocrWorkers}
                onChange={(e) => setValues({ ...values, ocrWorkers: Number(e.target.value) })}
              />
            )}
          </Field>
        </Panel>

        <Panel title={t('settings.autoImport')}>
          <Field
            label={t('settings.scanInbox')}
            hint={t('settings.scanInboxHint')}
            error={errors.scanInbox ?? null}
          >
            {(control) => (
              <div className="input-row">
                <input {...control} type="text" value={inbox} onChange={(e) => setInbox(e.target.value)} />
                {electron ? (
                  <Button onClick={() => void chooseFolder(setInbox)}>{t('common.choose')}</Button>
                ) : null}
              </div>
            )}
          </Field>
          <p className="field-hint">
            {result.scanInboxActive ? t('settings.scanInboxActive') : t('settings.scanInboxInactive')}
          </p>
        </Panel>

        <Panel title={t('settings.personal')}>
          <Field
            label={t('settings.reviewerName')}
            hint={t('settings.reviewerNameHint')}
            error={errors.reviewerName ?? null}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={values.reviewerName}
                onChange={(e) => setValues({ ...values, reviewerName: e.target.value })}
              />
            )}
          </Field>
          <p className="field-hint">{t('settings.languageWhere')}</p>
        </Panel>

        <AgencyFields values={agencyValues} errors={agencyFieldErrors} onChange={setAgencyValues} />
        <AgencyForms agency={agency} />

        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={save.isPending || saveAgency.isPending}>
            {save.isPending || saveAgency.isPending ? t('common.saving') : t('common.save')}
          </Button>
          {saved ? <span role="status">{t('common.saved')}</span> : null}
        </div>
        {save.error || saveAgency.error ? (
          <Alert tone="error">
            {errorText((save.error ?? saveAgency.error) as unknown as { code: string; message: string }, i18n.language)}
          </Alert>
        ) : null}
      </form>
      <CalendarSettings />
    </>
  );
}
