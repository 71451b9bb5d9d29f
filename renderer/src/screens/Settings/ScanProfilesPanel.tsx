import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScanSettings, type ScanProfile } from '../../../../shared/contract/scanning';
import { Alert, Button, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { ScanSettingsFields } from '../Scan/ScanSettingsFields';
import { useDeleteProfile, useSaveProfile, useScanDevices, useScanProfiles } from '../Scan/scanQueries';

/** Named scan profiles (kept in the archive, shared with `minhbach scan --profile`). */
export function ScanProfilesPanel() {
  const { t, i18n } = useTranslation();
  const profiles = useScanProfiles();
  const devices = useScanDevices();
  const save = useSaveProfile();
  const remove = useDeleteProfile();
  const [name, setName] = useState('');
  const [settings, setSettings] = useState<ScanSettings>(() => ScanSettings.parse({}));
  const [nameError, setNameError] = useState<string | null>(null);

  const edit = (profile: ScanProfile) => {
    const { name: profileName, ...rest } = profile;
    setName(profileName);
    setSettings(rest);
  };

  const submit = () => {
    if (name.trim() === '') {
      setNameError(t('settings.profileNameRequired'));
      return;
    }
    setNameError(null);
    save.mutate({ ...settings, name: name.trim() });
  };

  const error = save.error ?? remove.error;
  return (
    <Panel title={t('settings.scanProfiles')}>
      <p className="field-hint">{t('settings.scanProfilesHint')}</p>
      {(profiles.data ?? []).length === 0 ? (
        <p>{t('settings.noProfiles')}</p>
      ) : (
        <ul className="scan-results" data-testid="scan-profiles">
          {(profiles.data ?? []).map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong> — {p.device ?? '—'}, {t(`scan.source_${p.source}`)}
              {p.duplex ? `, ${t('scan.duplex')}` : ''}, {p.dpi} dpi, {t(`scan.colour_${p.colour}`)}, {t(`scan.split_${p.split}`)}{' '}
              <Button size="sm" onClick={() => edit(p)}>
                {t('settings.profileEdit')}
              </Button>{' '}
              <Button size="sm" variant="danger" onClick={() => remove.mutate(p.name)} aria-label={t('settings.profileDelete', { name: p.name })}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={`field${nameError ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor="profile-name">
          {t('settings.profileName')}
        </label>
        <input
          id="profile-name"
          className="input"
          type="text"
          maxLength={80}
          value={name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'profile-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {nameError ? (
          <p id="profile-name-error" className="field-error">
            {nameError}
          </p>
        ) : null}
      </div>
      <ScanSettingsFields value={settings} onChange={setSettings} devices={devices.data?.devices ?? []} idPrefix="profile" />
      <div className="form-actions">
        <Button variant="primary" disabled={save.isPending} onClick={submit}>
          {t('settings.profileSave')}
        </Button>
      </div>
      {error ? <Alert tone="error">{errorText(error as unknown as { code: string; message: string }, i18n.language)}</Alert> : null}
    </Panel>
  );
}
