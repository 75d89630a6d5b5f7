#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the repo needs no build step to use it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
