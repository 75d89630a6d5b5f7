// Server side: the router whose procedures call the injected JobService.
export { appRouter, createCaller } from './root.ts';
