#!/usr/bin/env node
// `minhbach` headless CLI: runs the same engine as the desktop app, straight from the TypeScript
// sources (tsx compiles them on the fly, so `npx minhbach` works right after `npm install`).
import { register } from 'tsx/esm/api';

register();
// `minhbach list --json | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
