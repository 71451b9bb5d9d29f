import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/contract/schemas';
import { useApi } from '../../api/ApiContext';
import { useSettings } from '../../api/queries';
import { hrefOf } from '../../app/router';
import { Alert, Button, PageHeader, Panel, ProgressBar } from '../../components';
import { errorText } from '../../i18n/index';
import { collectDroppedFiles } from './collectDropped';
import { ImportResults } from './ImportResults';

interface Progress {
  jobId: number | null;
  done: number;
  total: number;
}

export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  // Live per-file results while our import runs (the first job to report is ours).
  useEffect(() => {
    if (!running) return;
    return api.onJobProgress((p) => {
      if (p.kind !== 'import') return;
      setProgress((prev) => {
        if (prev?.jobId !== null && prev?.jobId !== undefined && prev.jobId !== p.jobId) return prev;
        return { jobId: p.jobId, done: p.done, total: p.total };
      });
      if (p.result) setResults((prev) => [...prev, p.result!]);
    });
  }, [api, running]);

  const run = async (work: () => Promise<ImportResult[]>) => {
    setRunning(true);
    setError(null);
    setResults([]);
    setProgress({ jobId: null, done: 0, total: 0 });
    try {
      const final = await work();
      setResults(final);
      if (final.length > 0)
        setProgress((p) => ({ jobId: p?.jobId ?? null, done: final.length, total: final.length }));
    } catch (e) {
      setError(e as { code: string; message: string });
    } finally {
      setRunning(false);
      void queryClient.invalidateQueries();
    }
  };

  const importBrowserFiles = (files: { file: File; name: string }[]) => {
    if (files.length > 0) void run(() => api.importFiles(files));
  };

  const choose = (kind: 'files' | 'folder') => {
    if (api.host === 'electron') {
      void run(async () => {
        const { paths } = await api.call('import:choose', { kind });
        return paths.length > 0 ? (await api.call('import:files', { paths })).results : [];
      });
    } else {
      (kind === 'files' ? filesInput : folderInput).current?.click();
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (running) return;
    if (api.host === 'electron') {
      importBrowserFiles(Array.from(e.dataTransfer.files, (file) => ({ file, name: file.name })));
    } else {
      const items = e.dataTransfer.items;
      void collectDroppedFiles(items).then(importBrowserFiles);
    }
  };

  const inbox = settings.data;
  return (
    <div className="screen">
      <PageHeader title={t('import.title')} />
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="dropzone-title">{t('import.drop')}</p>
        <p className="field-hint">{t('import.dropHint')}</p>
        <div className="dropzone-actions">
          <Button variant="primary" onClick={() => choose('files')} disabled={running}>
            {t('import.chooseFiles')}
          </Button>
          <Button onClick={() => choose('folder')} disabled={running}>
            {t('import.chooseFolder')}
          </Button>
        </div>
        {/* Preview only: the browser's own pickers, driven by the buttons above. */}
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          aria-label={t('import.chooseFiles')}
          data-testid="file-input"
          accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp"
          onChange={(e) => {
            importBrowserFiles(Array.from(e.target.files ?? [], (file) => ({ file, name: file.name })));
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label={t('import.chooseFolder')}
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            importBrowserFiles(
              Array.from(e.target.files ?? [], (file) => ({
                file,
                name: file.webkitRelativePath || file.name,
              })),
            );
            e.target.value = '';
          }}
        />
      </div>

      {progress ? (
        <Panel title={running ? t('import.running') : t('import.progressTitle')}>
          <ProgressBar
            value={progress.done}
            max={progress.total}
            label={t('import.running')}
            text={t('import.progress', { done: progress.done, total: progress.total || '…' })}
          />
        </Panel>
      ) : null}
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
      {results.length > 0 ? <ImportResults results={results} /> : null}

      <Panel title={t('import.inbox')} level={2}>
        {inbox?.scanInboxActive && inbox.settings.scanInbox ? (
          <p className="break">{t('import.inboxActive', { folder: inbox.settings.scanInbox })}</p>
        ) : (
          <p>
            {t('import.inboxOff')} <a href={hrefOf({ name: 'settings' })}>{t('import.inboxSettings')}</a>
          </p>
        )}
      </Panel>
    </div>
  );
}
