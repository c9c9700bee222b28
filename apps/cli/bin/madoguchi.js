#!/usr/bin/env node
// The `madoguchi` command. Sources are TypeScript, loaded through tsx (docs/adr/0006).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main();
