// Worker thread entry: reads files away from the thread that owns the database, so a hostile
// file can at worst time out and be terminated, never freeze or crash the app.
import { serveTasks } from '../workers/workerProtocol';
import { analyseFile } from './analyseFile';
import type { FileAnalysis, ImportLimits } from './types';

export interface AnalyseTask {
  bytes: Uint8Array;
  fileName: string;
  limits: ImportLimits;
}

// Page progress every 10 pages: a 1000-page TIFF shows its progress while it is read.
serveTasks<AnalyseTask, FileAnalysis>((task, progress) =>
  analyseFile(task.bytes, task.fileName, task.limits, (done, total) => {
    if (done % 10 === 0 || done === total) progress(done, total);
  }),
);
