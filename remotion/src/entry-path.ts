import { fileURLToPath } from 'node:url';

export { EXPLAINER_COMPOSITION_ID } from './composition-id.ts';

/**
 * Absolute path of the Remotion entry point, for `bundle({ entryPoint })` in the pipeline.
 * Deliberately free of React/Remotion imports so Node code can import it cheaply.
 */
export const remotionEntryPoint: string = fileURLToPath(new URL('./index.ts', import.meta.url));
