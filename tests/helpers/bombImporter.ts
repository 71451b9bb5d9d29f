// A process that imports the given files into a fresh archive and reports, as one JSON line, each
// result, the PDF child's peak memory per file, and its own peak resident memory — so a test can
// assert the ceiling on a real process tree.
import { createEngine } from '../../electron/engine/index';

const [dataDir, ...files] = process.argv.slice(2);
const engine = await createEngine({ dataDir: dataDir!, workers: 1 });
const results = [];
for (const file of files) {
  const started = performance.now();
  const [result] = await engine.importPaths([file]);
  results.push({ file, status: result!.status, code: result!.error?.code ?? null, pdfPeakRssMb: engine.pdf().lastPeakRssMb, seconds: (performance.now() - started) / 1000 });
}
await engine.close();
process.stdout.write(JSON.stringify({ results, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
