/**
 * The container stack on this machine, with Podman:
 *
 *   npm run stack -- build           images (local Node 20 base when no registry; cached layers)
 *   npm run stack -- up              compose.yaml + compose.local.yaml: database, server, 2 workers
 *   npm run stack -- ps              containers and their health
 *   npm run stack -- scale worker=3  more or fewer workers
 *   npm run stack -- smoke           the end-to-end check (see scripts/stack/smoke.ts)
 *   npm run stack -- kube [down]     the k3s overlay through `podman kube play` (scripts/stack/kube.ts)
 *   npm run stack -- down            everything removed (containers, network, volumes)
 *
 * compose.local.yaml is for this local test only: it swaps mongo:7 (no image registry here) for
 * the embedded MongoDB-wire server. Production runs compose.yaml alone.
 */
import { bash, down, project, ps, readState, scale, up, usePodmanSettings } from './stack/lifecycle.ts';

const [command = 'help', ...rest] = process.argv.slice(2);
try {
  if (command === 'build') process.exitCode = bash('build.sh', rest);
  else {
    usePodmanSettings();
    if (command === 'up') await up();
    else if (command === 'down') await down();
    else if (command === 'ps') await ps();
    else if (command === 'scale') {
      const [service, count] = (rest[0] ?? '').split('=');
      if (!service || !count) throw new Error('usage: npm run stack -- scale worker=3');
      await scale(project(readState()), service, Number(count));
    } else if (command === 'smoke') {
      const { smoke } = await import('./stack/smoke.ts');
      await smoke(project(readState()), readState().port);
    } else if (command === 'kube') {
      const { kube } = await import('./stack/kube.ts');
      await kube(rest);
    } else {
      console.log('usage: npm run stack -- build|up|ps|scale SERVICE=N|smoke|kube|down');
      process.exitCode = command === 'help' ? 0 : 2;
    }
  }
} catch (error) {
  console.error(`[stack] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
