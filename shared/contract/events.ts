/** Names of the events main pushes to the renderer. Zod-free so the preload bundle stays small. */
export const JOB_PROGRESS_EVENT = 'jobs:progress';

/** Commands from the application menu (the renderer owns navigation). */
export const MENU_COMMANDS = [
  'import-files',
  'import-folder',
  'library',
  'review',
  'import',
  'jobs',
  'settings',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_EVENT = 'app:menuCommand';
