#!/usr/bin/env node
// Runs before `npm start` / `npm run dev`: makes sure an Electron build of better-sqlite3 exists
// beside the Node build. node_modules/better-sqlite3 stays compiled for Node (the CLI and the tests
// use it); Electron has its own ABI, so the app loads a second copy through better-sqlite3's
// `nativeBinding` option (electron/main/nativeBinding.ts finds it here).
//
// It works in a temporary copy of the package, so the Node build is never touched: first
// prebuild-install (a prebuilt binary for this Electron version), else node-gyp against
// Electron's headers. Both download from the internet once; offline machines receive the file
// with the packaged app instead (see electron/README.md).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const electronVersion = require('electron/package.json').version;
const target = path.join(root, '.electron-native', `better_sqlite3-electron-${electronVersion}-${process.platform}-${process.arch}.node`);

if (existsSync(target)) process.exit(0);

const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(path.join(os.tmpdir(), 'minhbach-electron-sqlite-'));
const copy = path.join(work, 'better-sqlite3');
cpSync(packageDir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
// npm may point node-gyp at Node's own headers (npm_config_nodedir); for Electron they must come
// from Electron's header server instead.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|dist_url)$/i.test(k)));
const run = (command, args) =>
  execFileSync(command, args, { cwd: copy, stdio: 'inherit', env, shell: process.platform === 'win32' });

/** A binary Node itself can load was built for Node's ABI, not Electron's. */
function builtForNode(file) {
  try {
    process.dlopen({ exports: {} }, file);
    return true;
  } catch {
    return false;
  }
}
try {
  console.log(`Minh Bạch: building better-sqlite3 for Electron ${electronVersion} (one time)…`);
  try {
    run(path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install'), [
      '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform,
    ]);
  } catch {
    // npm's own node-gyp, started directly: through npx it would inherit npm's `nodedir` setting.
    const npmCli = process.env.npm_execpath;
    const nodeGyp = npmCli ? path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;
    const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
    if (nodeGyp && existsSync(nodeGyp)) run(process.execPath, [nodeGyp, ...gypArgs]);
    else run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', ...gypArgs]);
  }
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (builtForNode(built)) throw new Error('the build used Node headers instead of Electron headers');
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(built, target);
  console.log(`Minh Bạch: ${path.relative(root, target)} ready.`);
} catch (e) {
  console.error(
    'Minh Bạch: could not build better-sqlite3 for Electron (needs internet once, see electron/README.md).\n' +
      'Không tạo được thư viện SQLite cho Electron (cần kết nối Internet một lần, xem electron/README.md).',
  );
  console.error(String(e?.message ?? e));
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
