/**
 * Trains the statistical NER model and writes data/ner/model.json and data/ner/gazetteers.json.
 *
 *   npm run train:ner                      # train on the ANERcorp train split, evaluate on the test split
 *   npm run train:ner -- --dev             # tune: train on the first 8/9 of train, score on the last 1/9; writes nothing
 *   npm run train:ner -- --set epochs=15   # override a training-config field (recorded in the model)
 *   npm run train:ner -- --bench           # measure the committed model: load time, words/s, file sizes
 *
 * Needs data/ner/clusters.json (scripts/build-clusters.ts), data/ner/namelike.json (scripts/build-ner-names.ts;
 * NER_NAMELIKE=path for --dev, whose table must be built from the same labels, or NER_NAMELIKE=none) and
 * ../shared datasets (paths below).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseConll } from '../src/analyze/entities/ner/conll.ts';
import { createDocumentTagger, documentFeatures } from '../src/analyze/entities/ner/document.ts';
import { propagateNames } from '../src/analyze/entities/ner/propagate.ts';
import { formatNerReport, scoreTags } from '../src/analyze/entities/ner/score.ts';
import { tagSpans } from '../src/analyze/entities/ner/tags.ts';
import { buildGazetteer } from '../src/analyze/entities/ner/gazetteer.ts';
import { loadModel } from '../src/analyze/entities/ner/model.ts';
import {
  type GazetteersFile,
  invertGroups,
  loadResources,
  type NamelikeFile,
  wordStatistics,
} from '../src/analyze/entities/ner/resources.ts';
import { createTagger, type TaggedSpan } from '../src/analyze/entities/ner/tagger.ts';
import { createNerTaggers } from '../src/analyze/entities/ner/taggers.ts';
import {
  DEFAULT_TRAINING_CONFIG,
  jackknifeStageOne,
  type NerTrainingConfig,
  trainNer,
} from '../src/analyze/entities/ner/train.ts';
import { splitWords } from '../src/analyze/entities/ner/words.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SHARED = '/work/shared/datasets';
export const TRAIN_FILE = `${SHARED}/anercorp/ANERCorp_CamelLab_train.txt`;
export const TEST_FILE = `${SHARED}/anercorp/ANERCorp_CamelLab_test.txt`;
export const PETRARCH_FILE = `${SHARED}/petrarch-arabic/actor_dict_ar_v4.txt`;
const SAMPLE_FILE = '/work/shared/corpus/saudinewsnet/sample-500.jsonl';

/**
 * The files whose content decides the trained weights (besides the ANERcorp data): the model records a
 * hash of them so a test can tell when the committed model no longer matches the code.
 */
export const MODEL_SOURCES = [
  'src/text/normalize.ts',
  'src/analyze/entities/ner/base64.ts',
  'src/analyze/entities/ner/conll.ts',
  'src/analyze/entities/ner/crf.ts',
  'src/analyze/entities/ner/document.ts',
  'src/analyze/entities/ner/features.ts',
  'src/analyze/entities/ner/gazetteer.ts',
  'src/analyze/entities/ner/lattice.ts',
  'src/analyze/entities/ner/perceptron.ts',
  'src/analyze/entities/ner/rng.ts',
  'src/analyze/entities/ner/stem.ts',
  'src/analyze/entities/ner/tags.ts',
  'src/analyze/entities/ner/train.ts',
  'src/analyze/entities/ner/viterbi.ts',
  'src/analyze/entities/ner/words.ts',
  'data/ner/clusters.json',
  'data/ner/namelike.json',
];

/** SHA-256 (hex, first 16) of a string. `shortHash('a')` → `'ca978112ca1bbdca'`. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Hash of the model's source files with all whitespace removed, so reformatting does not count as a
 * change but any edit to the code or the clusters does.
 */
export function modelSourceHash(root = ROOT): string {
  return shortHash(
    MODEL_SOURCES.map((file) => readFileSync(`${root}/${file}`, 'utf8').replace(/\s+/g, '')).join('\0'),
  );
}

/** Hash of a training config, independent of key order. */
export function configHash(config: NerTrainingConfig): string {
  return shortHash(
    JSON.stringify(Object.fromEntries(Object.entries(config).sort(([a], [b]) => (a < b ? -1 : 1)))),
  );
}

// Sector and agent codes of the PETRARCH dictionary; other three-letter codes are countries or regions.
const AGENT_CODES = new Set(
  'MIL COP GOV REB IGO NGO BUS MED EDU REF CVL LEG JUD OPP SPY UAF AGR CRM ELI HLH IMG LAB MOD RAD SET REL PTY INS IRC'.split(
    ' ',
  ),
);

/**
 * PETRARCH Arabic actor names (words joined by `_`) with a coarse label: `C` a country or region, `P` an
 * actor with dated roles (mostly people), `A` any other actor. Lemmatized forms (جامعة_عربي_) only match
 * when the news text uses the same form, which is fine for names of people and places.
 */
export function parsePetrarch(text: string): [string, string][] {
  const entries: [string, string][] = [];
  let name: string | undefined;
  let codes: string[] = [];
  const flush = () => {
    if (name) {
      const dated = codes.some((c) => /\d/.test(c));
      const country = codes.length > 0 && codes.every((c) => /^[A-Z]{3}$/.test(c) && !AGENT_CODES.has(c));
      entries.push([name, country ? 'C' : dated ? 'P' : 'A']);
    }
    name = undefined;
    codes = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const bracket = trimmed.indexOf('[');
    if (bracket !== 0) {
      flush();
      const words = (bracket > 0 ? trimmed.slice(0, bracket) : trimmed).split(/[_\s]+/).filter(Boolean);
      name = words.join(' ');
    }
    for (const code of trimmed.matchAll(/\[([^\]]*)\]/g)) codes.push(code[1]!.trim());
  }
  flush();
  return entries;
}

function parseArgs(argv: string[]): { dev: boolean; fold: number; config: NerTrainingConfig } {
  let dev = false;
  let fold = 8;
  const config: Record<string, unknown> = { ...DEFAULT_TRAINING_CONFIG };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dev') {
      dev = true;
      // `--dev 3`: hold out the fourth ninth instead of the last (cross-checks on other held-out parts).
      if (/^\d$/.test(argv[i + 1] ?? '')) fold = Number(argv[++i]);
    } else if (argv[i] === '--set') {
      const [key, value] = (argv[++i] ?? '').split('=');
      if (!key || !(key in config)) throw new Error(`unknown config field ${key}`);
      config[key] = typeof config[key] === 'number' ? Number(value) : value;
    }
  }
  return { dev, fold, config: config as unknown as NerTrainingConfig };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** Load time and tagging speed of the committed model on SaudiNewsNet sample articles. */
function bench(): void {
  const read = (file: string) => readFileSync(`${ROOT}/data/ner/${file}`, 'utf8');
  const loadStarted = performance.now();
  const loadCpu = process.cpuUsage();
  // A two-stage model runs both stages on each sentence (as tagWords does).
  const tagger = createNerTaggers(
    JSON.parse(read('model.json')),
    loadResources(
      JSON.parse(read('clusters.json')),
      JSON.parse(read('gazetteers.json')),
      JSON.parse(read('namelike.json')),
    ),
  ).sentence;
  const loadMs = performance.now() - loadStarted;
  const loadCpuMs = cpuMs(process.cpuUsage(loadCpu));
  const sentences: string[][] = [];
  for (const line of readFileSync(SAMPLE_FILE, 'utf8').split('\n')) {
    if (!line) continue;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    for (const piece of text.split(/(?<=[.!؟?])\s+|\n+/)) {
      const words = splitWords(piece);
      if (words.length > 0) sentences.push(words);
    }
  }
  tagger.tag(sentences[0] ?? []);
  const tagStarted = performance.now();
  const tagCpu = process.cpuUsage();
  let words = 0;
  let names = 0;
  for (const sentence of sentences) {
    words += sentence.length;
    names += tagger.spans(sentence).length;
  }
  const seconds = (performance.now() - tagStarted) / 1000;
  const cpuSeconds = cpuMs(process.cpuUsage(tagCpu)) / 1000;
  const size = (file: string) => `${(statSync(`${ROOT}/data/ner/${file}`).size / 1e6).toFixed(2)} MB`;
  // CPU time too: the wall clock on a shared machine says more about the neighbours than about the model.
  console.log(
    `load (read + parse + index model, clusters, gazetteers): ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`,
  );
  console.log(
    `tagging with confidences: ${words} words in ${seconds.toFixed(2)} s wall = ${Math.round(words / seconds)} words/s; ` +
      `${Math.round(words / cpuSeconds)} words per CPU-second (${names} names)`,
  );
  console.log(
    `load average: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `files: model.json ${size('model.json')}, clusters.json ${size('clusters.json')}, gazetteers.json ${size('gazetteers.json')}`,
  );
}

function main(): void {
  if (process.argv.includes('--bench')) {
    bench();
    return;
  }
  const started = performance.now();
  const { dev, fold, config } = parseArgs(process.argv.slice(2));
  const all = parseConll(readFileSync(TRAIN_FILE, 'utf8'), TRAIN_FILE);
  const from = Math.floor((all.length * fold) / 9);
  const to = Math.floor((all.length * (fold + 1)) / 9);
  const train = dev ? all.filter((_, i) => i < from || i >= to) : all;
  const evaluation = dev ? all.slice(from, to) : parseConll(readFileSync(TEST_FILE, 'utf8'), TEST_FILE);
  const clusters = JSON.parse(
    readFileSync(process.env.NER_CLUSTERS ?? `${ROOT}/data/ner/clusters.json`, 'utf8'),
  );
  // Name-likeness comes from labels, so `--dev k` needs a table built without the held-out ninth
  // (`npx tsx scripts/build-ner-names.ts --dev k OUT.json`, then NER_NAMELIKE=OUT.json); NER_NAMELIKE=none
  // trains without name-likeness features, for comparison.
  const namelikePath = process.env.NER_NAMELIKE ?? `${ROOT}/data/ner/namelike.json`;
  const namelike: (NamelikeFile & { sources?: { labels?: string } }) | undefined =
    namelikePath === 'none' ? undefined : JSON.parse(readFileSync(namelikePath, 'utf8'));
  const expected = dev ? `ninth ${fold}: dev run` : 'train split (CC BY-SA';
  if (namelike && !(namelike.sources?.labels ?? '').includes(expected)) {
    throw new Error(
      `${namelikePath}: its labels are not from the part trained on (${dev ? `dev ${fold}` : 'full'})`,
    );
  }
  const petrarch = parsePetrarch(readFileSync(PETRARCH_FILE, 'utf8'));
  const resources = {
    ...wordStatistics(clusters),
    ...(namelike ? { namelike: invertGroups(namelike.groups) } : {}),
    gazetteers: [{ name: 'p', gazetteer: buildGazetteer(petrarch) }],
  };

  const stage1 = trainNer(train, resources, config, (m) => console.log(m));
  const { trainNames } = stage1;
  const sources: Record<string, string> = {
    t: 'names tagged in the ANERcorp CamelLab train split (never the test split), majority type',
    p: 'PETRARCH Arabic actor dictionary actor_dict_ar_v4.txt (Open Event Data Alliance, MIT); C country, P dated actor, A other',
  };
  const lists: Record<string, [string, string][]> = { t: trainNames };
  const tagger = createTagger(
    loadModel(stage1.model),
    loadResources(clusters, { lists: { ...lists, p: petrarch } }, namelike),
  );
  const gold = evaluation.map((s) => s.tags);
  const score = (predicted: string[][]) => scoreTags(gold, predicted);
  const oneStage = score(evaluation.map((s) => tagger.tag(s.words)));
  const window = config.documentWindow;
  lists.p = petrarch;
  const gazetteers: GazetteersFile & Record<string, unknown> = {
    generatedBy: 'scripts/train-ner.ts — do not edit by hand',
    sources,
    lists,
  };
  const featureResources = loadResources(clusters, gazetteers, namelike);
  let model = stage1.model;
  let report = oneStage;
  if (window > 0) {
    console.log(formatNerReport(oneStage));
    const propagated = score(
      propagateNames(
        evaluation.map((s) => ({ words: s.words, spans: tagger.spans(s.words) })),
        { window: 20, minConfidence: 0.5 },
      ).map((spans, i) => tagSpans(spans, evaluation[i]!.words.length, 'BIO')),
    );
    console.log(
      `stage one: sentence alone F1 ${(oneStage.micro.f1 * 100).toFixed(2)}, with name propagation ±20 ${(propagated.micro.f1 * 100).toFixed(2)}`,
    );
    // Jackknifed first-stage names of the training sentences: the slow part, cached across runs that only
    // change the second stage (NER_STAGE1_CACHE=path).
    const cache = process.env.NER_STAGE1_CACHE;
    let firstSpans: TaggedSpan[][] | undefined =
      cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : undefined;
    if (!firstSpans) {
      firstSpans = jackknifeStageOne(train, resources, config, (m) => console.log(m));
      if (cache) writeFileSync(cache, JSON.stringify(firstSpans));
    }
    const spansFirst = firstSpans;
    const extra = documentFeatures(
      train.map((s, i) => ({ words: s.words, spans: spansFirst[i]! })),
      window,
    );
    const final = trainNer(train, resources, config, (m) => console.log(m), { extra });
    model = { ...final.model, stage1: stage1.model, documentWindow: window };
    const evaluate = (outsideBias: number) => {
      const finalTagger = createTagger(loadModel({ ...final.model, outsideBias }), featureResources);
      return score(
        createDocumentTagger(tagger, finalTagger, window)
          .spans(evaluation.map((s) => s.words))
          .map((spans, i) => tagSpans(spans, evaluation[i]!.words.length, 'BIO')),
      );
    };
    report = evaluate(final.model.outsideBias);
    // For comparison: propagation on top, and each sentence alone through both stages.
    const finalTagger = createTagger(loadModel(final.model), featureResources);
    const found = createDocumentTagger(tagger, finalTagger, window).spans(evaluation.map((s) => s.words));
    const withPropagation = score(
      propagateNames(
        evaluation.map((s, i) => ({ words: s.words, spans: found[i]! })),
        { window: 20, minConfidence: 0.5 },
      ).map((spans, i) => tagSpans(spans, evaluation[i]!.words.length, 'BIO')),
    );
    console.log(formatNerReport(withPropagation));
    console.log(`two stages then name propagation ±20: F1 ${(withPropagation.micro.f1 * 100).toFixed(2)}`);
    // Each sentence alone (tagWords): both stages with the sentence as its whole document.
    const alone = createDocumentTagger(tagger, finalTagger, window);
    const sentenceAlone = score(
      evaluation.map((s) => tagSpans(alone.spans([s.words])[0]!, s.words.length, 'BIO')),
    );
    console.log(formatNerReport(sentenceAlone));
    console.log(`two stages, each sentence alone: F1 ${(sentenceAlone.micro.f1 * 100).toFixed(2)}`);
    if (dev) {
      for (const outsideBias of [0, 5, 15, 20]) {
        console.log(
          `final model outsideBias ${outsideBias}: micro F1 ${(evaluate(outsideBias).micro.f1 * 100).toFixed(2)}`,
        );
      }
    }
  }
  const trainSeconds = (performance.now() - started) / 1000;
  console.log(formatNerReport(report));
  if (dev && window === 0) {
    // Sweep the decode-time bias against O on the held-out part: the value to put in the config.
    for (const outsideBias of [0, 5, 10, 15, 20, 30, 40]) {
      const biased = createTagger(loadModel({ ...model, outsideBias }), featureResources);
      const f1 = score(evaluation.map((s) => biased.tag(s.words))).micro.f1;
      console.log(`outsideBias ${outsideBias}: micro F1 ${(f1 * 100).toFixed(2)}`);
    }
  }
  console.log(`trained in ${trainSeconds.toFixed(1)} s (${dev ? 'dev split' : 'full train split'})`);
  if (dev) return;

  const stored = {
    ...model,
    training: {
      configHash: configHash(config),
      sourceHash: modelSourceHash(),
      dataHash: shortHash(readFileSync(TRAIN_FILE, 'utf8')),
      config,
      data: 'ANERcorp CamelLab train split (ANERCorp_CamelLab_train.txt); PERS mapped to PER',
      command: 'npm run train:ner',
      testMicroF1: Math.round(report.micro.f1 * 10000) / 10000,
    },
  };
  writeFileSync(`${ROOT}/data/ner/model.json`, `${JSON.stringify(stored)}\n`);
  writeFileSync(`${ROOT}/data/ner/gazetteers.json`, `${JSON.stringify(gazetteers)}\n`);
  console.log(
    `wrote data/ner/model.json (${model.features.names.split('\n').length} features) and data/ner/gazetteers.json`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
