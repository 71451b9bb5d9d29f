import { z } from 'zod';
import { ImportResult } from './schemas';

/** Absolute paths chosen in a native dialog or dropped on the window (Electron only). */
export const ImportFilesInput = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) });

/** Upload ids are opaque random hex names of staged files; never paths. */
export const UploadId = z.string().regex(/^[a-f0-9]{32}$/);

/** Files already staged with the preview's upload endpoint, imported as one job (preview only). */
export const ImportUploadInput = z.object({
  uploads: z
    .array(z.object({ uploadId: UploadId, fileName: z.string().min(1).max(1024) }))
    .min(1)
    .max(10_000),
});

export const ImportResults = z.object({ results: z.array(ImportResult) });
export type ImportResults = z.infer<typeof ImportResults>;

export const ChooseInput = z.object({ kind: z.enum(['files', 'folder']) });
export const ChosenPaths = z.object({ paths: z.array(z.string()) });

export const importing = {
  'import:files': { input: ImportFilesInput, output: ImportResults, hosts: 'electron' },
  'import:upload': { input: ImportUploadInput, output: ImportResults, hosts: 'preview' },
  /** Native open dialog; the paths it returns go to import:files. Empty when cancelled. */
  'import:choose': { input: ChooseInput, output: ChosenPaths, hosts: 'electron' },
} as const;
