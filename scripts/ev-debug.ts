// Debug aid: code events on sentences given on stdin (one per line) and print each with its sides.
import { readFileSync } from 'node:fs';
import { codeEvents } from '../src/analyze/events/index.ts';
import { eventInputOf } from './event-inputs.ts';

const lines = readFileSync(0, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
for (const line of lines) {
  const input = eventInputOf(line, 'debug', '2015-08-01');
  console.log(`\n${line.slice(0, 160)}`);
  for (const e of codeEvents(input)) {
    const side = (a: { text: string; agent?: string; country?: string } | undefined) =>
      a === undefined
        ? '?'
        : `${a.text}${a.agent ? ` [${a.agent}]` : ''}${a.country ? ` (${a.country})` : ''}`;
    const ev = e;
    console.log(
      `  ${ev.type}${ev.mode ? `/${ev.mode}` : ''} «${ev.trigger?.text ?? ''}» src=${side(ev.source)} tgt=${side(ev.target)} loc=${ev.location?.text ?? ''}${ev.modality !== 'asserted' ? ` [${ev.modality}]` : ''}${ev.negated ? ' [neg]' : ''}`,
    );
  }
}

if (process.env.ACTORS) {
  const { actorCandidates } = await import('../src/analyze/events/actors.ts');
  const { defaultRegistry } = await import('../src/analyze/entities/registry/index.ts');
  const { defaultEventLexicon } = await import('../src/analyze/events/lexicon.ts');
  for (const line of lines) {
    const input = eventInputOf(line, 'debug', '2015-08-01');
    const all = actorCandidates({
      text: input.text,
      tokens: input.tokens,
      mentions: input.mentions ?? [],
      entities: input.entities ?? [],
      registry: defaultRegistry(),
      lexicon: defaultEventLexicon(),
      within: input.sentences,
    });
    console.log(
      all
        .map(
          (a) =>
            `${a.actor.text}{${a.type}${a.actor.agent ? ` ${a.actor.agent}` : ''} ${a.firstToken}-${a.lastToken}${a.preposition !== undefined ? ` p=${a.preposition}` : ''}}`,
        )
        .join('  '),
    );
  }
}
