// Builds data/events/triggers.json from the hand-written data/events/sources/*.tsv and, when ../shared is present,
// every verb and pattern of the PETRARCH Arabic verb dictionary (CAMEO.ar.0.5.txt, Open Event Data Alliance, MIT)
// that PLOVER codes, less the reviewed refusals of data/events/sources/petrarch-refused.tsv.
// Run: npm run build:events [-- --no-petrarch] [-- --list FILE]   (--list writes every PETRARCH entry with its id and status)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEventLexicon, lexiconSize } from './event-lexicon/build.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCES = join(ROOT, 'data/events/sources');
const OUT = join(ROOT, 'data/events/triggers.json');
const PETRARCH = join(ROOT, '../shared/datasets/petrarch-arabic/CAMEO.ar.0.5.txt');

const usePetrarch = !process.argv.includes('--no-petrarch') && existsSync(PETRARCH);
const { file, petrarchEntries } = buildEventLexicon({
  triggersTsv: readFileSync(join(SOURCES, 'triggers.tsv'), 'utf8'),
  collectivesTsv: readFileSync(join(SOURCES, 'collective-actors.tsv'), 'utf8'),
  homographsTsv: readFileSync(join(SOURCES, 'homographs.tsv'), 'utf8'),
  ...(usePetrarch
    ? {
        petrarch: {
          dictionary: readFileSync(PETRARCH, 'utf8'),
          refusedTsv: readFileSync(join(SOURCES, 'petrarch-refused.tsv'), 'utf8'),
        },
      }
    : {}),
});
writeFileSync(OUT, `${JSON.stringify(file)}\n`);

const listAt = process.argv.indexOf('--list');
if (listAt >= 0) {
  const rows = petrarchEntries.map((e) =>
    [e.id, e.status, e.type ?? '', e.mode ?? '', e.verbs.join(','), e.requires.join(','), e.note ?? ''].join(
      '\t',
    ),
  );
  writeFileSync(
    process.argv[listAt + 1]!,
    `id\tstatus\ttype\tmode\tverbs\trequires\tnote\n${rows.join('\n')}\n`,
  );
}
const counts = { imported: 0, refused: 0, skipped: 0 };
for (const e of petrarchEntries) counts[e.status]++;
console.log(`${OUT}: ${file.triggers.length} trigger records`);
if (usePetrarch)
  console.log(
    `PETRARCH entries: ${petrarchEntries.length} read, ${counts.imported} imported, ${counts.refused} refused, ${counts.skipped} skipped`,
  );
console.log('type\trecords\tlemmas\tof which hand-written');
for (const [type, size] of [...lexiconSize(file)].sort())
  console.log(`${type}\t${size.records}\t${size.lemmas}\t${size.core}`);
