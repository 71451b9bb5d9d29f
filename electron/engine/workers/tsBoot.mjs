// Loads a TypeScript worker entry when the engine runs from source (tests, CLI via tsx).
// The Electron build bundles workers to JavaScript and starts them directly, without this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
