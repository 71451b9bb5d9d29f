import { legalRegistry } from '../engine/understanding/legalRegistry';
import type { HandlerContext, HandlerTable } from './types';

export function reviewHandlers({ engine, settings }: HandlerContext): HandlerTable {
  /** Decisions and approvals are recorded under the reviewer name from Settings. */
  const reviewer = () => settings.get().reviewerName.trim() || engine.actor;

  return {
    // Header + suggestion for documents that have none yet, in the pipeline's worker thread.
    'review:analyse': ({ ids }) => engine.analyse(ids ?? 'all'),

    'review:queue': ({ status, suggested, docType, limit }) =>
      engine.reviewQueue({
        limit,
        ...(status ? { status } : {}),
        ...(suggested ? { suggested } : {}),
        ...(docType ? { docType } : {}),
      }),

    'review:evidence': ({ id }) => ({ findings: engine.evidence(id) }),

    'review:decide': ({ id, access, basis, note, approve }) => {
      engine.decide({ documentId: id, access, basis, reviewer: reviewer(), note: note ?? null, approve });
      return engine.get(id);
    },

    'review:plan': ({ access, docType }) => ({
      items: engine.planApproval({ ...(access ? { access } : {}), ...(docType ? { docType } : {}) }),
    }),

    // Approves exactly what the reviewer confirmed (the engine refuses if the plan changed).
    'review:approve': ({ access, docType, ids }) => ({
      items: engine.approveSuggestions({ ...(access ? { access } : {}), ...(docType ? { docType } : {}) }, reviewer(), ids),
    }),

    'review:registry': () => {
      const registry = legalRegistry();
      return {
        defaultVersion: registry.defaultVersion,
        versions: registry.data.versions.map((v) => ({
          id: v.id,
          title: v.title,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          entries: registry.entries(v.id).map((e) => ({
            id: e.id,
            version: e.version,
            titleVi: e.titleVi,
            citation: registry.citation(e),
            accessClass: e.accessClass,
            verified: e.verified,
          })),
        })),
      };
    },

    'review:auditVerify': () => engine.verifyAudit(),
  };
}
