// The entry of a stage thread while the pipeline runs as TypeScript through tsx (dev, tests, the
// CLI): a worker thread does not inherit the parent's loader hooks on Node 20, so it registers tsx
// itself before loading the TypeScript entry. Compiled JavaScript loads thread.js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
