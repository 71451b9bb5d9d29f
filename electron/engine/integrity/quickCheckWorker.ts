// Worker thread entry: PRAGMA quick_check on its own read-only connection, so the check of a large
// archive at start-up (≈ 10 s at 100 000 documents) never blocks the thread that answers the UI.
import Database from 'better-sqlite3';
import { serveTasks } from '../workers/workerProtocol';

export interface QuickCheckTask {
  file: string;
  nativeBinding?: string;
}

serveTasks<QuickCheckTask, string[]>((task) => {
  const db = new Database(task.file, { readonly: true, fileMustExist: true, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
  try {
    return (db.pragma('quick_check') as Record<string, string>[]).map((r) => Object.values(r)[0]!).filter((v) => v !== 'ok');
  } catch (e) {
    return [(e as Error).message];
  } finally {
    db.close();
  }
});
