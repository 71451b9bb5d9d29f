import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { Alert, Button, Panel } from '../../components';
import { ApiError } from '../../api/ApiError';
import { errorText } from '../../i18n/index';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import type { ModelStatusView } from '../../../../shared/contract/model';

const MODEL_KEY = ['model', 'status'] as const;

/** The agency's suggestion model: what it has learned, learning now, export and import of a
 *  starter model (desktop: native dialogs; preview: the data folder and an upload). */
export function ModelPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const status = useQuery({ queryKey: MODEL_KEY, queryFn: () => api.call('model:status', {}) });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const electron = api.host === 'electron';

  const update = (s: ModelStatusView) => client.setQueryData(MODEL_KEY, s);
  // The engine's Vietnamese message names the file and what is wrong with it.
  const fail = (e: unknown) =>
    setMessage({ tone: 'error', text: e instanceof ApiError ? (i18n.language === 'en' ? errorText(e, 'en') : e.message) : String(e) });
  const train = useMutation({ mutationFn: () => api.call('model:train', {}), onSuccess: update, onError: fail });
  const exporting = useMutation({
    mutationFn: async () => {
      const folder = electron ? (await api.call('settings:chooseFolder', {})).path : null;
      if (electron && !folder) return null;
      return api.call('model:export', { folder });
    },
    onSuccess: (r) => r && setMessage({ tone: 'success', text: t('settings.model.exported', { count: r.examples, file: r.file }) }),
    onError: fail,
  });
  const importing = useMutation({
    mutationFn: async (file: File | null) => {
      if (electron) {
        const [path] = (await api.call('import:choose', { kind: 'files' })).paths;
        return path ? api.call('model:import', { path }) : null;
      }
      const upload = api.transport.upload;
      if (!file || !upload) return null;
      return api.call('model:importUpload', { uploadId: await upload.call(api.transport, file) });
    },
    onSuccess: (s) => {
      if (!s) return;
      update(s);
      setMessage({ tone: 'success', text: t('settings.model.imported') });
    },
    onError: fail,
  });
  const busy = train.isPending || exporting.isPending || importing.isPending;
  const s = status.data;

  return (
    <Panel title={t('settings.model.title')}>
      <p>{t('settings.model.intro')}</p>
      {s ? (
        <>
          <p role="status">
            {t('settings.model.learned', { count: s.examples })}{' '}
            {s.pending > 0 ? t('settings.model.pending', { count: s.pending }) : null}
          </p>
          <p>
            {s.starter
              ? t('settings.model.starter', { source: s.starter.source, count: s.starter.examples, date: formatDateVi(s.starter.importedAt) })
              : t('settings.model.noStarter')}
          </p>
          {s.labels.length > 0 ? (
            <table className="table">
              <caption>{t('settings.model.labels')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.model.colGround')}</th>
                  <th scope="col">{t('settings.model.colClass')}</th>
                  <th scope="col">{t('settings.model.colExamples')}</th>
                </tr>
              </thead>
              <tbody>
                {s.labels.map((l) => (
                  <tr key={l.ground}>
                    <td>{l.titleVi}</td>
                    <td>{t(`access.${l.accessClass}`)}</td>
                    <td>{l.examples}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <div className="input-row">
        <Button disabled={busy} onClick={() => train.mutate()}>
          {t('settings.model.train')}
        </Button>
        <Button disabled={busy} onClick={() => exporting.mutate()}>
          {t('settings.model.export')}
        </Button>
        <Button disabled={busy} onClick={() => (electron ? importing.mutate(null) : fileInput.current?.click())}>
          {t('settings.model.import')}
        </Button>
        {electron ? null : (
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label={t('settings.model.import')}
            onChange={(e: ChangeEvent<HTMLInputElement>) => importing.mutate(e.target.files?.[0] ?? null)}
          />
        )}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </Panel>
  );
}
