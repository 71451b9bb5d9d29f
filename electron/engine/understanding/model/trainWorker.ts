// Worker thread entry: retrains the access model after decisions, away from the thread that serves
// the UI. It opens its own read-only connection (WAL lets it read while the main thread writes);
// the main thread stores the result.
import { openDatabase } from '../../archive/database';
import { serveTasks } from '../../workers/workerProtocol';
import type { ModelFile } from './accessModel';
import type { UpdatePlan } from './modelStore';
import { trainPlan } from './training';

export interface TrainTask {
  database: string;
  nativeBinding?: string;
  plan: UpdatePlan;
}

serveTasks<TrainTask, ModelFile>((task) => {
  const db = openDatabase(task.database, { readonly: true, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
  try {
    return trainPlan(db, task.plan);
  } finally {
    db.close();
  }
});
