import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScanSettings, type BatchView } from '../../../../shared/contract/scanning';
import { useApi } from '../../api/ApiContext';
import { hrefOf } from '../../app/router';
import { Alert, Button, PageHeader, Panel, ProgressBar } from '../../components';
import { errorText } from '../../i18n/index';
import { BatchPages } from './BatchPages';
import { ScanSettingsFields } from './ScanSettingsFields';
import { downloadBase64, scanKeys, useBatch, useOpenBatches, useScanDevices, useScanProfiles } from './scanQueries';

type Problem = { code: string; message: string };

export function ScanScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const devices = useScanDevices();
  const profiles = useScanProfiles();
  const openBatches = useOpenBatches();
  const [profileName, setProfileName] = useState('');
  const [settings, setSettings] = useState<ScanSettings>(() => ScanSettings.parse({}));
  const [batchId, setBatchId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const batch = useBatch(batchId);
  const view = batch.data ?? null;
  const found = devices.data?.devices ?? [];

  const act = async (work: () => Promise<BatchView | void>) => {
    setProblem(null);
    setBusy(true);
    try {
      const next = await work();
      if (next) {
        client.setQueryData(scanKeys.batch(next.id), next);
        setBatchId(next.id);
      }
    } catch (e) {
      setProblem(e as Problem);
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: scanKeys.batches });
    }
  };

  const chooseProfile = (name: string) => {
    setProfileName(name);
    const profile = profiles.data?.find((p) => p.name === name);
    if (profile) {
      const { name: _name, ...rest } = profile;
      setSettings(rest);
    }
  };

  const refreshDevices = async () => {
    const fresh = await api.call('scan:devices', { refresh: true });
    client.setQueryData(scanKeys.devices, fresh);
  };

  const scanning = view?.state === 'scanning';
  const open = view?.state === 'open';
  const blank = view?.plan.dropped.filter((d) => d.reason === 'blank').length ?? 0;
  const separators = view?.plan.dropped.filter((d) => d.reason === 'separator').length ?? 0;

  return (
    <div className="screen">
      <PageHeader title={t('scan.title')} />
      <p>
        <a href={hrefOf({ name: 'camera' })}>{t('scan.cameraLink')}</a>
      </p>
      <Panel
        title={t('scan.settingsTitle')}
        actions={
          <Button
            size="sm"
            onClick={() => void api.call('scan:separatorSheet', {}).then((r) => downloadBase64(r.base64, 'trang-phan-cach-minh-bach.pdf', 'application/pdf'))}
          >
            {t('scan.separatorSheet')}
          </Button>
        }
      >
        <div className="field">
          <label className="field-label" htmlFor="scan-profile">
            {t('scan.profile')}
          </label>
          <select id="scan-profile" className="input" value={profileName} onChange={(e) => chooseProfile(e.target.value)}>
            <option value="">{t('scan.profileCustom')}</option>
            {(profiles.data ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <ScanSettingsFields value={settings} onChange={setSettings} devices={found} idPrefix="scan" />
        <p className="field-hint" role="status">
          {devices.isFetching
            ? t('scan.finding')
            : devices.data?.error
              ? errorText(devices.data.error, i18n.language)
              : found.length > 0
                ? t('scan.devicesFound', { count: found.length })
                : t('scan.noDevices')}
        </p>
        <div className="form-actions">
          <Button variant="primary" disabled={busy || scanning} onClick={() => void act(() => api.call('scan:start', { settings }))}>
            {t('scan.start')}
          </Button>
          <Button disabled={devices.isFetching} onClick={() => void refreshDevices()}>
            {t('scan.findDevices')}
          </Button>
        </div>
      </Panel>

      {problem ? <Alert tone="error">{errorText(problem, i18n.language)}</Alert> : null}

      {view ? (
        <Panel title={`${t('scan.batchTitle')} ${view.id}`}>
          {scanning && view.progress ? (
            <ProgressBar
              value={view.progress.percent}
              max={100}
              label={t('scan.batchTitle')}
              text={t('scan.scanning', { page: view.progress.page, percent: Math.round(view.progress.percent) })}
            />
          ) : null}
          {view.lastError ? <Alert tone="error">{view.lastError.message}</Alert> : null}
          <p role="status" data-testid="scan-plan">
            {t('scan.plan', { pages: view.pages.length, documents: view.plan.documents.length, blank, separators })}
          </p>
          <BatchPages view={view} onRemove={(n) => void act(() => api.call('scan:removePage', { batchId: view.id, page: n }))} />
          <div className="form-actions">
            {scanning ? (
              <Button variant="danger" onClick={() => void act(() => api.call('scan:cancel', { batchId: view.id }))}>
                {t('scan.cancel')}
              </Button>
            ) : null}
            {open ? (
              <>
                <Button variant="primary" disabled={busy || view.plan.documents.length === 0} onClick={() => void act(() => api.call('scan:archive', { batchId: view.id }))}>
                  {busy ? t('scan.archiving') : t('scan.archive')}
                </Button>
                <Button disabled={busy} onClick={() => void act(() => api.call('scan:start', { settings, batchId: view.id }))}>
                  {t('scan.scanMore')}
                </Button>
                <Button
                  variant="danger"
                  disabled={busy}
                  onClick={() => {
                    if (!window.confirm(t('scan.discardConfirm'))) return;
                    void act(async () => {
                      await api.call('scan:discard', { batchId: view.id });
                      setBatchId(null);
                    });
                  }}
                >
                  {t('scan.discard')}
                </Button>
              </>
            ) : null}
          </div>
          {view.state === 'archived' ? (
            <>
              <Alert tone="success">{t('scan.archived')}</Alert>
              <ul className="scan-results">
                {view.results.map((r) => (
                  <li key={r.fileName}>
                    {r.id !== undefined ? (
                      <a href={hrefOf({ name: 'document', id: r.id, page: 1 })}>{t('scan.openDocument', { name: r.fileName })}</a>
                    ) : (
                      r.fileName
                    )}{' '}
                    — {t('scan.pages', { count: r.pages ?? 0 })}
                    {r.error ? ` — ${errorText(r.error, i18n.language)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>
      ) : null}

      <Panel title={t('scan.openBatches')} level={2}>
        <p className="field-hint">{t('scan.openBatchesHint')}</p>
        {(openBatches.data ?? []).length === 0 ? (
          <p>{t('scan.noOpenBatches')}</p>
        ) : (
          <ul className="scan-results">
            {(openBatches.data ?? []).map((b) => (
              <li key={b.id}>
                {b.id} — {b.device} — {t('scan.pages', { count: b.pages.length })}
                {b.lastError ? ` — ${b.lastError.message}` : ''}{' '}
                <Button size="sm" onClick={() => setBatchId(b.id)}>
                  {t('scan.resume')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
