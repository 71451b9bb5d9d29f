// Starts the PDF child from its TypeScript source (tests, CLI through tsx). The Electron build
// bundles pdfChild to JavaScript and starts it directly, without this file.
// pdf.js (and its in-process "fake worker") are loaded natively *before* tsx hooks the loader:
// through tsx the 2 MB worker module alone costs ~300 MB of resident memory (measured), which would
// eat the child's memory ceiling. Modules are cached by URL, so the engine's later imports get these.
import { register } from 'tsx/esm/api';

await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
register();
await import(process.argv[2]);
