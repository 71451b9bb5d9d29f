// electron-builder afterPack hook (electron.builder.yml `afterPack`), CommonJS because that is what
// every electron-builder loads: flips the Electron fuses of the packaged binary before it is signed
// and wrapped into an installer. Packaging needs Electron's zip from outside the npm registry, so
// this runs on a packaging machine, not in CI; the fuse configuration it applies (fuses.ts) is
// unit-tested in tests/unit/main/fuses.test.ts.
const { register } = require('tsx/cjs/api');

register();
const { flipFuses } = require('@electron/fuses');
const { FUSES, electronBinaryPath } = require('./fuses.ts');

module.exports = async function afterPack(context) {
  const binary = electronBinaryPath(context.appOutDir, context.electronPlatformName, context.packager.appInfo.productFilename);
  await flipFuses(binary, FUSES);
};
