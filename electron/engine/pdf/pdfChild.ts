// The PDF child process: runs pdfDocument.ts for the parent (pdfService.ts), one task at a time.
// Its V8 heap is capped by --max-old-space-size; what the heap limit does not cover (pdf.js's
// decoded streams and images are ArrayBuffers, the canvas is native memory) is covered by a
// watchdog thread that reads the process's resident memory every 20 ms and kills the process past
// the ceiling — the parent then reports DECOMPRESSION_BOMB for the file and starts a new child.
// Works as a Node child (fork, IPC) and as an Electron utility process (process.parentPort).
import { Worker } from 'node:worker_threads';
import { analysePdfDocument, countPdfPages, pdfPageTextItems, rasterisePdfPage, rasterisePdfPageColour, readPdfPageText, renderPdfPageForViewer } from './pdfDocument';
import { OVER_MEMORY_MARK, type PdfReply, type PdfRequest, type PdfTask } from './pdfProtocol';
import type { PdfLimits } from './limits';
import { serialiseError } from '../workers/workerProtocol';

const peak = new Int32Array(new SharedArrayBuffer(8)); // [0] peak RSS (MB) since the task began, [1] ceiling
let watchdog: Worker | null = null;

function startWatchdog(ceilingMb: number): void {
  Atomics.store(peak, 1, ceilingMb);
  if (watchdog) return;
  watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     const fs = require('node:fs');
     const shared = new Int32Array(workerData.buffer);
     setInterval(() => {
       const mb = Math.ceil(process.memoryUsage.rss() / 1048576);
       if (mb > Atomics.load(shared, 0)) Atomics.store(shared, 0, mb);
       if (mb > Atomics.load(shared, 1)) {
         try { fs.writeSync(2, '${OVER_MEMORY_MARK} ' + mb + '\\n'); } catch {}
         process.kill(process.pid, 'SIGKILL');
       }
     }, 20);`,
    { eval: true, workerData: { buffer: peak.buffer } },
  );
  watchdog.unref();
}

function run(task: PdfTask, limits: PdfLimits): Promise<unknown> {
  switch (task.op) {
    case 'analyse':
      return analysePdfDocument(task.bytes, task.maxPages, limits);
    case 'count':
      return countPdfPages(task.bytes, limits);
    case 'text':
      return readPdfPageText(task.bytes, task.page, limits);
    case 'rasterise':
      return rasterisePdfPage(task.bytes, task.page, task.dpi, limits);
    case 'rasteriseColour':
      return rasterisePdfPageColour(task.bytes, task.page, task.dpi, limits);
    case 'viewer':
      return renderPdfPageForViewer(task.bytes, task.page, task.size, limits);
    case 'textItems':
      return pdfPageTextItems(task.bytes, task.page, limits);
  }
}

async function handle(request: PdfRequest): Promise<PdfReply> {
  startWatchdog(request.limits.rssCeilingMb);
  Atomics.store(peak, 0, Math.ceil(process.memoryUsage.rss() / 1048576));
  try {
    const value = await run(request.task, request.limits);
    return { id: request.id, ok: true, value, peakRssMb: Atomics.load(peak, 0) };
  } catch (e) {
    return { id: request.id, ok: false, error: serialiseError(e), peakRssMb: Atomics.load(peak, 0) };
  }
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: PdfRequest }) => void): void;
  postMessage(message: PdfReply): void;
}

const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) => void handle(event.data).then((reply) => parentPort.postMessage(reply)));
} else if (process.send) {
  process.on('message', (request: PdfRequest) => void handle(request).then((reply) => process.send!(reply)));
  process.on('disconnect', () => process.exit(0));
} else {
  throw new Error('pdfChild must run as a child process');
}
