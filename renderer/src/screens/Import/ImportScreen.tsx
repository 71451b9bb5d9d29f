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
  /** A long file being read page by page (a 1000-page TIFF). */
  item?: { label: string; done: number; total: number } | undefined;
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
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(0);
  /** The job's size as last reported (a folder's files are only known once the job lists them). */
  const lastTotal = useRef(0);
  const ourJob = useRef<number | null>(null);

  // Live per-file results while our import runs (the first job to report is ours).
  useEffect(() => {
    if (!running) return;
    return api.onJobProgress((p) => {
      if (p.kind !== 'import') return;
      // The first import job to report is ours; the scan inbox's run beside it is not.
      ourJob.current ??= p.jobId;
      if (ourJob.current !== p.jobId) return;
      lastTotal.current = Math.max(lastTotal.current, p.total);
      setProgress((prev) => {
        // An item's own progress comes without an item finishing; a finished file ends it.
        const item = p.item ?? (p.result ? undefined : prev?.item);
        return { jobId: p.jobId, done: p.done, total: p.total, item };
      });
      if (p.result) setResults((prev) => [...prev, p.result!]);
    });
  }, [api, running]);

  const run = async (work: () => Promise<ImportResult[]>, submitted: number | null = null) => {
    setRunning(true);
    setError(null);
    setResults([]);
    setCancelling(false);
    setCancelled(0);
    lastTotal.current = 0;
    ourJob.current = null;
    setProgress({ jobId: null, done: 0, total: 0 });
    try {
      const final = await work();
      setResults(final);
      // After a cancel, the files never read are counted as such (the bar stops where it did).
      const total = Math.max(submitted ?? 0, lastTotal.current, final.length);
      setCancelled(total - final.length);
      setProgress((p) => ({ jobId: p?.jobId ?? null, done: final.length, total }));
    } catch (e) {
      setError(e as { code: string; message: string });
    } finally {
      setRunning(false);
      void queryClient.invalidateQueries();
    }
  };

  const importBrowserFiles = (files: { file: File; name: string }[]) => {
    if (files.length > 0) void run(() => api.importFiles(files), files.length);
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
        <Panel
          title={running ? t('import.running') : t('import.progressTitle')}
          actions={
            running && progress.jobId !== null ? (
              <Button
                size="sm"
                variant="danger"
                disabled={cancelling}
                onClick={() => {
                  setCancelling(true);
                  void api.call('jobs:cancel', { id: progress.jobId! }).catch(() => setCancelling(false));
                }}
              >
                {cancelling ? t('import.cancelling') : t('import.cancel')}
              </Button>
            ) : null
          }
        >
          <ProgressBar
            value={progress.done}
            max={progress.total}
            label={t('import.running')}
            text={t('import.progress', { done: progress.done, total: progress.total || '…' })}
          />
          {running && progress.item ? (
            <div className="job-current">
              <ProgressBar
                value={progress.item.done}
                max={progress.item.total}
                label={t('import.currentLabel', { label: progress.item.label })}
                text={t('import.current', progress.item)}
              />
            </div>
          ) : null}
        </Panel>
      ) : null}
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
      {results.length > 0 ? <ImportResults results={results} cancelled={cancelled} /> : null}
      {!running && results.some((r) => r.status === 'imported') ? (
        <p className="import-next">
          {t('import.next')} <a href={hrefOf({ name: 'jobs' })}>{t('import.nextJobs')}</a> ·{' '}
          <a href={hrefOf({ name: 'review' })}>{t('import.nextReview')}</a>
        </p>
      ) : null}

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
