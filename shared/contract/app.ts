import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'preview']),
  dataDir: z.string(),
  documentCount: z.number().int(),
  /** How the archive is open: anything but `normal` refuses changes (read-only or damaged). */
  archive: z.object({
    mode: z.enum(['normal', 'read-only', 'damaged']),
    code: z.string().nullable(),
    message: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const app = {
  'app:info': { input: z.object({}), output: AppInfo, hosts: 'all' },
  /** Opens a link in the system browser if it is on the allow-list (Electron only). */
  'app:openExternal': {
    input: z.object({ url: z.string().url().max(2048) }),
    output: z.object({ opened: z.boolean() }),
    hosts: 'electron',
  },
} as const;
