import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadCorpus } from '../bench/corpus.ts';
import { codeEvents, type EventInput } from '../src/analyze/events/index.ts';
import { eventInputOf } from './event-inputs.ts';

/**
 * A digest of every event coded on the first N SaudiNewsNet articles, to prove a change to the event stage leaves
 * its output as it was. The upstream layers are cached (other work may change them meanwhile): both sides of a
 * comparison code the same input.
 * `npx tsx scripts/events-snapshot.ts /tmp/events-after.json` (env: N, default 2000; UPSTREAM, the layer cache).
 */
const out = process.argv[2] ?? '/tmp/events-before.json';
const limit = Number(process.env.N ?? 2000);
const cache = process.env.UPSTREAM ?? `/tmp/events-upstream-${limit}.json`;

function upstreamInputs(): EventInput[] {
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as EventInput[];
  const inputs = loadCorpus<{ source: string; title: string; text: string; date_extracted?: string }>(
    limit,
  ).map((a, index) => eventInputOf(a.text, `saudinewsnet#${index}`, a.date_extracted));
  writeFileSync(cache, JSON.stringify(inputs));
  return inputs;
}

// Keys sorted at every level: the digest does not depend on the order objects were built in.
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = stable((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

const inputs = upstreamInputs();
const started = performance.now();
const articles = inputs.map((input, index) => ({ index, events: stable(codeEvents(input)) }));
const seconds = (performance.now() - started) / 1000;
const body = JSON.stringify(
  articles.filter((a) => (a.events as unknown[]).length > 0),
  null,
  1,
);
writeFileSync(out, body);
const count = articles.reduce((sum, a) => sum + (a.events as unknown[]).length, 0);
const digest = createHash('sha256').update(body).digest('hex').slice(0, 16);
console.log(
  `${inputs.length} articles, ${count} events, sha256 ${digest}, coded in ${seconds.toFixed(1)} s → ${out}`,
);
