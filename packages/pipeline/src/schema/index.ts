// Browser-safe schemas only (no Node imports): the Remotion bundle imports this file.
export * from './script.ts';
export * from './timeline.ts';
