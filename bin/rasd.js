#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci` runs as prepare): no TypeScript
// compiler at run time, so a command starts in a fraction of a second.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('rasd: dist/ is missing; build it with `npm run build` (`npm ci` does it too)\n');
  process.exit(1);
}
await import(main.href);
