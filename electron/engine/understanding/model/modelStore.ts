/**
 * The access model in the archive (migration access-model): the 'current' model suggestions use, the
 * 'starter' model imported from elsewhere, and which decisions the current one has learned.
 *
 * An update learns the approved decisions it has not seen on top of the current model
 * (incremental). When a learned decision was changed or withdrawn — or the starter model or the
 * features changed — it rebuilds from the starter (or from nothing) with every approved decision:
 * naive Bayes counts cannot be un-learned.
 */
import type { Db } from '../../archive/database';
import { nowIso } from '../../archive/database';
import { appendAudit } from '../../audit/auditLog';
import type { AccessClass } from '../../../../shared/domain/access';
import { AppError } from '../../../../shared/domain/errors';
import type { LegalRegistry } from '../legalRegistry';
import { FEATURES_VERSION } from './features';
import { ModelFileSchema, type ModelFile } from './accessModel';
import type { ModelInput } from './types';

export type ModelSlot = 'starter' | 'current';

export interface LabelledDecision {
  documentId: number;
  decisionId: number;
  ground: string;
  accessClass: AccessClass;
}

export interface ModelStatus {
  /** Decisions the current model has learned (its starter's included). */
  examples: number;
  /** Approved decisions it has not learned yet. */
  pending: number;
  labels: ModelFile['labels'];
  source: string | null;
  updatedAt: string | null;
  starter: { source: string; examples: number; importedAt: string } | null;
}

export function readModel(db: Db, slot: ModelSlot): ModelFile | null {
  const row = db.prepare('SELECT data FROM access_model WHERE slot = ?').get(slot) as { data: string } | undefined;
  if (!row) return null;
  const parsed = ModelFileSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
}

/** When the current model last changed (a cheap check before reloading it). */
export function modelStamp(db: Db): string | null {
  return (db.prepare("SELECT updated_at FROM access_model WHERE slot = 'current'").get() as { updated_at: string } | undefined)?.updated_at ?? null;
}

/** The latest decision of each document, where it is approved and its basis names a class. */
export function approvedDecisions(db: Db, registry: LegalRegistry): LabelledDecision[] {
  const rows = db
    .prepare(
      `SELECT d.document_id, d.id, d.basis_id, d.basis_version FROM decisions d
        WHERE d.approved = 1 AND d.id = (SELECT max(x.id) FROM decisions x WHERE x.document_id = d.document_id)
        ORDER BY d.id`,
    )
    .all() as { document_id: number; id: number; basis_id: string; basis_version: string }[];
  const out: LabelledDecision[] = [];
  for (const r of rows) {
    const entry = registry.find(r.basis_id, r.basis_version);
    if (entry?.accessClass) out.push({ documentId: r.document_id, decisionId: r.id, ground: entry.ground, accessClass: entry.accessClass });
  }
  return out;
}

export interface UpdatePlan {
  /** 'full': rebuild on the starter; 'incremental': add to the current model. */
  mode: 'none' | 'incremental' | 'full';
  base: ModelFile | null;
  learn: LabelledDecision[];
}

export function planUpdate(db: Db, registry: LegalRegistry): UpdatePlan {
  const wanted = approvedDecisions(db, registry);
  const learned = new Map(
    (db.prepare('SELECT document_id, decision_id, label FROM access_model_examples').all() as { document_id: number; decision_id: number; label: string }[]).map((r) => [r.document_id, r]),
  );
  const current = readModel(db, 'current');
  const starter = readModel(db, 'starter');
  const wantedByDoc = new Map(wanted.map((w) => [w.documentId, w]));
  const stale =
    (current !== null && current.features !== FEATURES_VERSION) ||
    (current === null && learned.size > 0) ||
    (current !== null && current.basedOn !== (starter?.createdAt ?? null)) ||
    [...learned.values()].some((l) => {
      const w = wantedByDoc.get(l.document_id);
      return !w || w.ground !== l.label;
    });
  if (stale || (current === null && (starter !== null || wanted.length > 0))) return { mode: 'full', base: starter, learn: wanted };
  const fresh = wanted.filter((w) => !learned.has(w.documentId));
  return fresh.length === 0 ? { mode: 'none', base: current, learn: [] } : { mode: 'incremental', base: current, learn: fresh };
}

/** What the model reads of each document: type, subject and issuer as currently recorded (a
 *  person's corrections included), and the text of page 1. */
export function trainingInputs(db: Db, documentIds: number[]): Map<number, ModelInput> {
  const doc = db.prepare('SELECT doc_type, subject, issuer FROM documents WHERE id = ?');
  const page = db.prepare('SELECT text FROM pages WHERE document_id = ? ORDER BY n LIMIT 1');
  const out = new Map<number, ModelInput>();
  for (const id of documentIds) {
    const d = doc.get(id) as { doc_type: string | null; subject: string | null; issuer: string | null } | undefined;
    if (!d) continue;
    const p = page.get(id) as { text: string | null } | undefined;
    out.set(id, { docType: d.doc_type, subject: d.subject, issuer: d.issuer, firstPage: p?.text ?? '' });
  }
  return out;
}

/** Stores an update's result, if nothing it relied on changed meanwhile (else returns false and
 *  the caller plans again). One transaction with its audit event. */
export function applyUpdate(db: Db, plan: UpdatePlan, file: ModelFile, actor: string): boolean {
  return db
    .transaction(() => {
      const current = readModel(db, 'current');
      if ((plan.mode === 'incremental' && current?.createdAt !== plan.base?.createdAt) || (plan.mode === 'full' && readModel(db, 'starter')?.createdAt !== plan.base?.createdAt)) return false;
      db.prepare(
        `INSERT INTO access_model (slot, data, examples, source, updated_at) VALUES ('current', ?, ?, ?, ?)
         ON CONFLICT (slot) DO UPDATE SET data = excluded.data, examples = excluded.examples, source = excluded.source, updated_at = excluded.updated_at`,
      ).run(JSON.stringify(file), file.examples, file.source, nowIso());
      if (plan.mode === 'full') db.prepare('DELETE FROM access_model_examples').run();
      const insert = db.prepare(
        'INSERT INTO access_model_examples (document_id, decision_id, label) VALUES (?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET decision_id = excluded.decision_id, label = excluded.label',
      );
      for (const l of plan.learn) insert.run(l.documentId, l.decisionId, l.ground);
      appendAudit(db, { actor, action: 'model.updated', payload: { mode: plan.mode, learned: plan.learn.length, examples: file.examples } });
      return true;
    })
    .immediate();
}

/** Keeps an imported model as the starter; the next update rebuilds the current model on it. */
export function storeStarter(db: Db, file: ModelFile, actor: string, fileName: string): void {
  if (file.features !== FEATURES_VERSION) throw new AppError('MODEL_INVALID', `features ${file.features}, expected ${FEATURES_VERSION}`, { detailVi: `Mô hình dùng cách đọc văn bản "${file.features}", phiên bản này dùng "${FEATURES_VERSION}".` });
  db.transaction(() => {
    db.prepare(
      `INSERT INTO access_model (slot, data, examples, source, updated_at) VALUES ('starter', ?, ?, ?, ?)
       ON CONFLICT (slot) DO UPDATE SET data = excluded.data, examples = excluded.examples, source = excluded.source, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(file), file.examples, file.source, nowIso());
    appendAudit(db, { actor, action: 'model.imported', payload: { file: fileName, source: file.source, examples: file.examples } });
  }).immediate();
}

export function modelStatus(db: Db, registry: LegalRegistry): ModelStatus {
  const current = readModel(db, 'current');
  const starter = db.prepare("SELECT examples, source, updated_at FROM access_model WHERE slot = 'starter'").get() as { examples: number; source: string; updated_at: string } | undefined;
  const plan = planUpdate(db, registry);
  return {
    examples: current?.examples ?? 0,
    pending: plan.learn.length,
    labels: current?.labels ?? {},
    source: current?.source ?? null,
    updatedAt: modelStamp(db),
    starter: starter ? { source: starter.source, examples: starter.examples, importedAt: starter.updated_at } : null,
  };
}
