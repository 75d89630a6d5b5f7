import { closeRenderer, getBundle } from '@movie-generator/pipeline';
import type { TestProject } from 'vitest/node';

/**
 * Bundles the Remotion compositions once for the whole worker suite: every test file and
 * every child worker process renders from this directory instead of bundling again.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('bundleDir', await getBundle());
  return () => closeRenderer();
}
