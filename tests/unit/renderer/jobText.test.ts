import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/contract/jobs';
import vi from '../../../renderer/src/i18n/vi.json';
import { jobCounts, jobName, jobProgress } from '../../../renderer/src/screens/Jobs/jobText';
import type { Translate } from '../../../renderer/src/screens/Document/historyText';

let t: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'vi', resources: { vi: { translation: vi } }, interpolation: { escapeValue: false } });
  t = (key, options) => i18n.t(key, options ?? {});
});

const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 7,
  kind: 'ocr',
  state: 'running',
  done: 0,
  total: 0,
  error: null,
  failures: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  unit: 'page',
  counts: { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 },
  documents: [],
  documentCount: 0,
  files: [],
  parentId: null,
  startedAt: null,
  finishedAt: null,
  current: [],
  retryable: false,
  ...over,
});

describe('how a job is named and counted on the Jobs screen', () => {
  it('a cancelled 1000-page OCR job shows where it stopped, not a full bar, with every count true', () => {
    const cancelled = job({
      state: 'cancelled',
      total: 1000,
      counts: { queued: 0, running: 0, done: 118, failed: 2, cancelled: 880 },
      documents: [{ id: 3, fileName: 'so-cong-van-1000-trang.tiff' }],
      documentCount: 1,
    });
    expect(jobProgress(cancelled)).toEqual({ value: 120, max: 1000 });
    expect(jobCounts(cancelled, t)).toBe('118 trang xong · 2 trang lỗi · 880 trang đã huỷ');
    expect(jobName(cancelled, t)).toBe('so-cong-van-1000-trang.tiff');
  });

  it('is named after its documents, or an import after its files before any document exists, never "job no. N" when there is a name', () => {
    expect(jobName(job({ documents: [{ id: 1, fileName: 'a.pdf' }, { id: 2, fileName: 'b.pdf' }], documentCount: 5 }), t)).toBe(
      'a.pdf và 4 tài liệu khác',
    );
    expect(jobName(job({ kind: 'import', unit: 'file', files: ['scan-01.tif'], total: 10 }), t)).toBe('scan-01.tif và 9 tệp khác');
    expect(jobName(job({}), t)).toBe('Công việc số 7');
  });

  it('counts what is waiting and running separately, and says so when nothing is counted yet', () => {
    expect(jobCounts(job({ counts: { queued: 3, running: 1, done: 0, failed: 0, cancelled: 0 } }), t)).toBe(
      '1 trang đang xử lý · 3 trang đang chờ',
    );
    expect(jobCounts(job({ unit: 'file' }), t)).toBe('Chưa có tệp nào');
  });
});
