// Starts the PDF child from its TypeScript source (tests, CLI through tsx). The Electron build
// bundles pdfChild to JavaScript and starts it directly, without this file.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
