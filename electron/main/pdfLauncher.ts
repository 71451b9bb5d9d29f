import { fileURLToPath } from 'node:url';
import { utilityProcess } from 'electron';
import type { PdfChildLauncher } from '../engine/pdf/index';

/** The PDF child (engine/pdf/pdfChild) as an Electron utility process: a packaged app cannot run
 *  its binary as Node (the RunAsNode fuse is off), and a utility process needs no such fuse. */
export const utilityPdfLauncher: PdfChildLauncher = (script, { heapMb }) => {
  const child = utilityProcess.fork(fileURLToPath(script), [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'Minh Bạch PDF',
  });
  return {
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    stderr: child.stderr,
    kill: () => void child.kill(),
  };
};
