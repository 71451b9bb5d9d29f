import { decodeBase64Image } from '../engine/scanning/scanService';
import { listProfiles, saveProfile, deleteProfile } from '../engine/scanning/profiles';
import type { HandlerContext, HandlerTable } from './types';

/** Scanners, scan batches and camera capture: each channel is one call of the engine's ScanService. */
export function scanningHandlers(ctx: HandlerContext): HandlerTable {
  const { engine } = ctx;
  const scan = () => engine.scanning;
  return {
    'scan:devices': ({ refresh }) => scan().listDevices(refresh),
    'scan:capabilities': ({ device }) => scan().capabilities(device),
    'scan:profiles': () => listProfiles(engine.db),
    'scan:saveProfile': (profile) => saveProfile(engine.db, profile),
    'scan:deleteProfile': ({ name }) => deleteProfile(engine.db, name),
    'scan:start': ({ settings, batchId }) => scan().start(settings, batchId),
    'scan:cancel': ({ batchId }) => scan().cancel(batchId),
    'scan:batch': ({ batchId }) => scan().view(batchId),
    'scan:batches': () => scan().openBatches(),
    'scan:pageImage': async ({ batchId, page, size }) => ({
      mime: 'image/jpeg' as const,
      base64: (await scan().pageImage(batchId, page, size)).toString('base64'),
    }),
    'scan:removePage': ({ batchId, page }) => scan().removePage(batchId, page),
    // Returns once the documents are archived; OCR, extraction and suggestion go on as jobs.
    'scan:archive': async ({ batchId, removeBlank, split }) =>
      (await scan().archive(batchId, { ...(removeBlank !== undefined ? { removeBlank } : {}), ...(split ? { split } : {}) })).view,
    'scan:discard': async ({ batchId }) => ({ discarded: await scan().discard(batchId) }),
    'scan:separatorSheet': async () => ({ base64: Buffer.from(await scan().separatorSheet()).toString('base64') }),
    'camera:detect': ({ image }) => scan().detect(decodeBase64Image(image)),
    'camera:addPage': ({ image, corners, batchId }) => scan().addCameraPage(decodeBase64Image(image), corners, batchId),
  };
}
