/**
 * Architecture rules, checked in the test command (`npm run lint:deps`):
 * dependencies between the workspaces point one way.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-package-cycles',
      comment: 'Workspaces depend on each other in one direction only.',
      severity: 'error',
      // A cycle that leaves the workspace it starts in (module cycles inside one are its own business).
      from: { path: '^((?:apps|packages)/[^/]+|remotion)/' },
      to: { circular: true, via: { pathNot: '^$1/' } },
    },
    {
      name: 'web-only-uses-the-contract',
      comment: 'The web app talks to the server through the typed API contract only.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: {
        path: '^(packages/(jobs|pipeline|url-policy|embedded-mongo)|remotion|apps/(server|worker|ops))/',
      },
    },
    {
      name: 'server-without-the-pipeline',
      comment: 'The server stays thin: no Remotion, webpack or jsdom behind it.',
      severity: 'error',
      from: { path: '^apps/server/' },
      to: { path: '^(packages/pipeline|remotion)/' },
    },
    {
      name: 'packages-never-on-apps',
      comment: 'Packages are used by apps, never the other way round.',
      severity: 'error',
      from: { path: '^(packages|remotion)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pipeline-and-remotion-one-way',
      comment: 'The pipeline uses the video (remotion); the video never uses the pipeline.',
      severity: 'error',
      from: { path: '^remotion/' },
      to: { path: '^packages/pipeline/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|build|coverage|\\.turbo)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default', 'node'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    combinedDependencies: true,
  },
};
