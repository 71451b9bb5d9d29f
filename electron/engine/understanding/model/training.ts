/**
 * Runs an update plan: reads what the model needs of each document and learns the decisions.
 * Pure over a database connection, so it runs the same in the training worker (off the thread
 * that serves the UI) and in tests.
 */
import type { Db } from '../../archive/database';
import { modelTokens } from './features';
import { trainModel, type ModelFile } from './accessModel';
import { trainingInputs, type UpdatePlan } from './modelStore';

export function trainPlan(db: Db, plan: UpdatePlan): ModelFile {
  const inputs = trainingInputs(db, plan.learn.map((l) => l.documentId));
  const examples = plan.learn.flatMap((l) => {
    const input = inputs.get(l.documentId);
    return input ? [{ tokens: modelTokens(input), ground: l.ground, accessClass: l.accessClass }] : [];
  });
  return trainModel(examples, plan.base, plan.mode === 'full' ? { basedOn: plan.base?.createdAt ?? null, source: plan.base?.source ?? 'local' } : {});
}
