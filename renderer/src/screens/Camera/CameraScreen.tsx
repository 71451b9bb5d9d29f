import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView, Corners } from '../../../../shared/contract/scanning';
import { useApi } from '../../api/ApiContext';
import { hrefOf } from '../../app/router';
import { Alert, Button, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { BatchPages } from '../Scan/BatchPages';
import { CornerEditor } from './CornerEditor';
import { frameBase64 } from './frames';

const DEFAULT_CORNERS: Corners = [
  { x: 0.05, y: 0.05 },
  { x: 0.95, y: 0.05 },
  { x: 0.95, y: 0.95 },
  { x: 0.05, y: 0.95 },
];
const LIVE_DETECT_MS = 900;

interface Still {
  base64: string;
  width: number;
  height: number;
}

/**
 * Document camera or webcam: live picture with the page outline found every second, capture,
 * corners to adjust, the straightened page added to a batch; the batch becomes one document.
 * Edge finding and straightening run in the engine (OpenCV.js in its page worker), so this page
 * keeps its strict Content-Security-Policy (no WebAssembly here).
 */
export function CameraScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [liveCorners, setLiveCorners] = useState<Corners | null>(null);
  const [still, setStill] = useState<Still | null>(null);
  const [corners, setCorners] = useState<Corners>(DEFAULT_CORNERS);
  const [view, setView] = useState<BatchView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);
  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);

  // Live outline: a small frame to the engine about once a second.
  useEffect(() => {
    if (!stream || still) return;
    let cancelled = false;
    let timer: number;
    const tick = async () => {
      const v = video.current;
      if (v && v.videoWidth > 0) {
        try {
          const detected = await api.call('camera:detect', { image: frameBase64(v, 640, 0.7) });
          if (!cancelled) setLiveCorners(detected.corners);
        } catch {
          // A dropped frame is no matter; the next one comes in a second.
        }
      }
      if (!cancelled) timer = window.setTimeout(() => void tick(), LIVE_DETECT_MS);
    };
    timer = window.setTimeout(() => void tick(), 300);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [api, stream, still]);

  const start = async () => {
    setProblem(null);
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 4096 }, height: { ideal: 3072 } },
        audio: false,
      });
      setStream(media);
    } catch (e) {
      const name = (e as DOMException).name;
      setProblem(
        name === 'NotAllowedError' || name === 'SecurityError'
          ? t('camera.denied')
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? t('camera.noCamera')
            : t('camera.cameraError', { message: (e as Error).message }),
      );
    }
  };

  const stop = () => {
    stream?.getTracks().forEach((track) => track.stop());
    setStream(null);
    setLiveCorners(null);
  };

  const run = async (work: () => Promise<void>) => {
    setProblem(null);
    setWorking(true);
    try {
      await work();
    } catch (e) {
      setProblem(errorText(e as { code: string; message: string }, i18n.language));
    } finally {
      setWorking(false);
    }
  };

  const capture = () =>
    run(async () => {
      const v = video.current;
      if (!v || v.videoWidth === 0) return;
      const frame = { base64: frameBase64(v, null, 0.92), width: v.videoWidth, height: v.videoHeight };
      const detected = await api.call('camera:detect', { image: frame.base64 });
      setCorners(detected.corners ?? DEFAULT_CORNERS);
      setStill(frame);
    });

  const addPage = () =>
    run(async () => {
      if (!still) return;
      const next = await api.call('camera:addPage', { image: still.base64, corners, ...(view ? { batchId: view.id } : {}) });
      setView(next);
      setStill(null);
    });

  const save = () =>
    run(async () => {
      if (!view) return;
      const archived = await api.call('scan:archive', { batchId: view.id });
      setView(archived);
      stop();
      void client.invalidateQueries();
    });

  return (
    <div className="screen">
      <PageHeader title={t('camera.title')} />
      <p>{t('camera.intro')}</p>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <Panel
        title={still ? t('camera.adjust') : t('camera.preview')}
        actions={
          stream ? (
            <Button size="sm" onClick={stop}>
              {t('camera.stop')}
            </Button>
          ) : (
            <Button size="sm" variant="primary" onClick={() => void start()}>
              {t('camera.start')}
            </Button>
          )
        }
      >
        {still ? (
          <>
            <p className="field-hint">{t('camera.adjustHint')}</p>
            <CornerEditor image={`data:image/jpeg;base64,${still.base64}`} corners={corners} onChange={setCorners} />
            <div className="form-actions">
              <Button variant="primary" disabled={working} onClick={() => void addPage()}>
                {working ? t('camera.working') : t('camera.usePage')}
              </Button>
              <Button disabled={working} onClick={() => setStill(null)}>
                {t('camera.retake')}
              </Button>
            </div>
          </>
        ) : stream ? (
          <>
            <div className="camera-stage">
              <video ref={video} autoPlay muted playsInline aria-label={t('camera.preview')} />
              {liveCorners ? (
                <svg className="camera-overlay" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
                  <polygon points={liveCorners.map((c) => `${c.x},${c.y}`).join(' ')} />
                </svg>
              ) : null}
            </div>
            <p role="status" className="field-hint">
              {liveCorners ? t('camera.detected') : t('camera.notDetected')}
            </p>
            <div className="form-actions">
              <Button variant="primary" disabled={working} onClick={() => void capture()}>
                {working ? t('camera.working') : t('camera.capture')}
              </Button>
            </div>
          </>
        ) : null}
      </Panel>

      {view ? (
        <Panel title={t('camera.pages')}>
          <BatchPages view={view} />
          {view.state === 'open' ? (
            <div className="form-actions">
              <Button variant="primary" disabled={working || view.pages.length === 0} onClick={() => void save()}>
                {t('camera.save')}
              </Button>
            </div>
          ) : (
            <>
              <Alert tone="success">{t('scan.archived')}</Alert>
              <ul className="scan-results">
                {view.results.map((r) =>
                  r.id !== undefined ? (
                    <li key={r.fileName}>
                      <a href={hrefOf({ name: 'document', id: r.id, page: 1 })}>{t('scan.openDocument', { name: r.fileName })}</a>
                    </li>
                  ) : (
                    <li key={r.fileName}>{r.error ? errorText(r.error, i18n.language) : r.fileName}</li>
                  ),
                )}
              </ul>
            </>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
