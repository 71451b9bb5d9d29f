import { z } from 'zod';
import { AccessClassSchema } from './schemas';
import { UploadId } from './importing';

/** The access-suggestion model that learns from the agency's approved decisions (issue 10). */

export const ModelStatusView = z.object({
  /** Decisions the current model has learned (a starter model's included). */
  examples: z.number().int().min(0),
  /** Approved decisions not learned yet (an update runs shortly after each decision). */
  pending: z.number().int().min(0),
  labels: z.array(z.object({ ground: z.string(), accessClass: AccessClassSchema, examples: z.number().int(), titleVi: z.string() })),
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
  starter: z.object({ source: z.string(), examples: z.number().int(), importedAt: z.string() }).nullable(),
});
export type ModelStatusView = z.infer<typeof ModelStatusView>;

export const ModelExportResult = z.object({ file: z.string(), examples: z.number().int() });

export const model = {
  'model:status': { input: z.object({}), output: ModelStatusView, hosts: 'all' },
  /** Learns the approved decisions not learned yet (in a worker thread). */
  'model:train': { input: z.object({}), output: ModelStatusView, hosts: 'all' },
  /** Desktop: into the folder chosen with settings:chooseFolder. Preview: into the data folder's
   *  exports/ (the folder is ignored). Words seen in fewer than 3 documents are left out. */
  'model:export': { input: z.object({ folder: z.string().min(1).max(4096).nullable().default(null) }), output: ModelExportResult, hosts: 'all' },
  /** Desktop: a model file chosen with import:choose. */
  'model:import': { input: z.object({ path: z.string().min(1).max(4096) }), output: ModelStatusView, hosts: 'electron' },
  /** Preview: a model file staged with the upload endpoint. */
  'model:importUpload': { input: z.object({ uploadId: UploadId }), output: ModelStatusView, hosts: 'preview' },
} as const;
