/**
 * The worker thread that reads one import's file (see import-parse.ts); the API starts one per import
 * with a time and heap limit, and ends it when it answers or overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseImport, type ParseJob } from './import-parse.js';

if (!parentPort) throw new Error('import-worker.js runs as a worker thread, which the import starts.');
const port = parentPort;
const outcome = await parseImport(workerData as ParseJob);
port.postMessage(outcome, outcome.ok ? outcome.parsed.records.map((part) => part.buffer as ArrayBuffer) : []);
