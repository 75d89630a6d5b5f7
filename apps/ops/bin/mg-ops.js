#!/usr/bin/env node
// The ops CLI is TypeScript run through tsx, so it needs no build step (in the images too).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
