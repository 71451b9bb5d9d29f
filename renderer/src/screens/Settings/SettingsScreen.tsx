import { CalendarSettings } from './CalendarSettings';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OCR_LANGUAGES, Settings, type SettingsResult } from '../../../../shared/contract/settings';
import { useApi } from '../../api/ApiContext';
import { useSaveSettings, useSettings } from '../../api/queries';
import { Alert, Button, Field, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { ModelPanel } from './ModelPanel';
import { ScanProfilesPanel } from './ScanProfilesPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <div className="screen">
      <PageHeader title={t('settings.title')} />
      {settings.data ? <SettingsForm initial={settings.data} /> : <p role="status">{t('common.loading')}</p>}
      <ModelPanel />
      <ScanProfilesPanel />
    </div>
  );
}

function SettingsForm({ initial }: { initial: SettingsResult }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const save = useSaveSettings();
  const [values, setValues] = useState(initial.settings);
  const [inbox, setInbox] = useState(initial.settings.scanInbox ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
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
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        next[key] =
          key === 'ocrWorkers'
            ? t('settings.workersRange')
            : key === 'ocrLanguages'
              ? t('settings.needLanguage')
              : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    // No surprises on save: only what was changed on this form is sent — the interface language
    // (switched in the navigation bar) and anything changed elsewhere meanwhile stay as they are.
    const patch = Object.fromEntries(
      Object.entries(parsed.data).filter(
        ([key, value]) =>
          key !== 'language' &&
          JSON.stringify(value) !== JSON.stringify(initial.settings[key as keyof typeof initial.settings]),
      ),
    );
    save.mutate(patch, {
      onSuccess: (result) => {
        setSaved(true);
        setValues((v) => ({ ...v, ...result.settings }));
      },
    });
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

        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          {saved ? <span role="status">{t('common.saved')}</span> : null}
        </div>
        {save.error ? (
          <Alert tone="error">
            {errorText(save.error as unknown as { code: string; message: string }, i18n.language)}
          </Alert>
        ) : null}
      </form>
      <CalendarSettings />
    </>
  );
}
