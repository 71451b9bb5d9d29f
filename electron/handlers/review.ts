import { legalRegistry } from '../engine/understanding/legalRegistry';
import type { HandlerContext, HandlerTable } from './types';

const lawOf = (instruments: { id: string; number: string; titleVi: string }[], id: string) => {
  const i = instruments.find((x) => x.id === id);
  return i ? `${i.titleVi} ${i.number}` : id;
};

export function reviewHandlers({ engine, settings }: HandlerContext): HandlerTable {
  /** Decisions and approvals are recorded under the reviewer name from Settings. */
  const reviewer = () => settings.get().reviewerName.trim() || engine.actor;

  return {
    // Header + suggestion for documents that have none yet, in the pipeline's worker thread.
    'review:analyse': ({ ids }) => engine.analyse(ids ?? 'all'),

    'review:queue': ({ status, suggested, docType, undecided, limit }) =>
      engine.reviewQueue({
        limit,
        ...(status ? { status } : {}),
        ...(suggested ? { suggested } : {}),
        ...(docType ? { docType } : {}),
        ...(undecided ? { undecided } : {}),
      }),

    'review:evidence': ({ id }) => ({ findings: engine.evidence(id) }),

    'review:decide': ({ id, access, basis, note, approve, publishedTitle, partial }) => {
      engine.decide({ documentId: id, access, basis, reviewer: reviewer(), note: note ?? null, approve, ...(publishedTitle !== undefined ? { publishedTitle } : {}), ...(partial ? { partial } : {}) });
      return engine.get(id);
    },

    'review:plan': ({ access, docType }) => ({
      items: engine.planApproval({ ...(access ? { access } : {}), ...(docType ? { docType } : {}) }),
    }),

    // Approves exactly what the reviewer confirmed; the engine compares it by value inside the
    // writing transaction (PLAN_CHANGED if anything differs).
    'review:approve': ({ access, docType, items }) => {
      const filter = { ...(access ? { access } : {}), ...(docType ? { docType } : {}) };
      return { items: engine.approveSuggestions(filter, reviewer(), items) };
    },

    'review:publishedTitle': ({ id }) => engine.publishedTitle(id),

    'review:registry': () => {
      const registry = legalRegistry();
      return {
        defaultVersion: registry.defaultVersion,
        versions: registry.data.versions.map((v) => ({
          id: v.id,
          title: v.title,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          verified: registry.version(v.id).verified,
          partialDisclosure: v.partialDisclosure ?? false,
          entries: registry.entries(v.id).map((e) => ({
            id: e.id,
            version: e.version,
            titleVi: e.titleVi,
            citation: registry.citation(e),
            accessClass: e.accessClass,
            verified: e.verified,
            article: e.article,
            clause: e.clause,
            point: e.point,
            law: lawOf(v.instruments, e.instrument),
            lawLabel: registry.lawLabel(e),
            ...(e.note ? { note: e.note } : {}),
          })),
        })),
      };
    },

    'review:auditVerify': () => engine.verifyAudit(),

    'review:undo': () => ({ items: engine.undoDecision(reviewer()) }),

    'review:similar': ({ id }) => ({ items: engine.similar(id) }),

    'review:decideGroup': ({ ids, access, basis, note, approve }) => ({
      ids: engine.decideGroup({ documentIds: ids, access, basis, reviewer: reviewer(), note: note ?? null, approve }).map((r) => r.document_id),
    }),

    'review:next': ({ after, status, suggested, docType }) => ({
      id: engine.nextToReview({ ...(status ? { status } : {}), ...(suggested ? { suggested } : {}), ...(docType ? { docType } : {}) }, after),
    }),

    'review:counts': () => engine.reviewCounts(),
  };
}
