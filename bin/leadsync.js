#!/usr/bin/env node
// The `leadsync` command. Node 20 cannot run TypeScript itself, so tsx loads the sources.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
