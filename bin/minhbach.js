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
// Last resort for a failure outside any command's own handling: Vietnamese, a stable code, and the
// stack trace only with --verbose (the command's own errors are handled in electron/cli/main.ts).
const verbose = process.argv.includes('--verbose');
const lastResort = (error) => {
  process.stderr.write('Lỗi [INTERNAL]: Đã xảy ra lỗi không mong muốn. Chạy lại với --verbose để xem chi tiết.\n');
  if (verbose) process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
