// Browser-safe schemas only (no Node imports). The video's props (the Timeline) are Remotion's
// (`@movie-generator/remotion/props`); re-exported here so the package's users find both.
export * from '@movie-generator/remotion/props';
export * from './script.ts';
