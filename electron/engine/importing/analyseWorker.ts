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

serveTasks<AnalyseTask, FileAnalysis>((task) => analyseFile(task.bytes, task.fileName, task.limits));
