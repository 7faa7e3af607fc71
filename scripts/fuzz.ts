// The longer fuzz run: the CI properties (test/hostile/properties.ts) with a fresh seed and many more runs.
// `npm run fuzz` (default ×200), `npm run fuzz -- 1000` for ×1000, `RASD_FUZZ_SEED=n npm run fuzz` to replay a seed.
import { checkProperties } from '../test/hostile/properties.ts';

const scale = Number(process.argv[2] ?? 200);
const seed = Number(process.env.RASD_FUZZ_SEED ?? Date.now() % 2 ** 31);
const started = Date.now();
process.stdout.write(`fuzz: seed ${seed}, ×${scale} the CI runs\n`);
try {
  const results = await checkProperties(seed, scale);
  for (const r of results) process.stdout.write(`  ok  ${r.runs} runs  ${(r.ms / 1000).toFixed(1)} s  ${r.name}\n`);
  const total = results.reduce((n, r) => n + r.runs, 0);
  process.stdout.write(`fuzz: ${total} cases, 0 failures, ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})\n`);
} catch (error) {
  // fast-check's message carries the counterexample and the seed/path to replay it.
  process.stdout.write(`fuzz: FAILED (seed ${seed})\n${(error as Error).message}\n`);
  process.exitCode = 1;
}
