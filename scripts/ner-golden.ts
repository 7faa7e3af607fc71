/**
 * Golden NER outputs: what the shipped model predicts, written once from a known implementation and compared
 * against the current one, so a rewrite of the inference can prove it predicts the same.
 *
 *   npx tsx scripts/ner-golden.ts write [FILE]   record the current predictions on the ANERcorp test split
 *   npx tsx scripts/ner-golden.ts check [FILE]   compare the current predictions with the record (exit 1 if any differ)
 *   npx tsx scripts/ner-golden.ts write-fixture  record the unit-test fixture (golden/fixture.json): the ANERcorp
 *                                                test slice and the SaudiNewsNet sample articles of test/fixtures
 *   npx tsx scripts/ner-golden.ts write-news N FILE / check-news FILE   the same on N bench articles (words stored)
 *
 * Both modes tag each sentence alone (tagWords) and the whole split as running text (the two-stage document
 * tagger, spans with confidences). `check` lists every difference and the F1 of both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseConll } from '../src/analyze/entities/ner/conll.ts';
import { defaultDocumentTagger, defaultTagger } from '../src/analyze/entities/ner/default-model.ts';
import { scoreTags } from '../src/analyze/entities/ner/score.ts';
import { tagSpans } from '../src/analyze/entities/ner/tags.ts';

const TEST_SPLIT = new URL('../../shared/datasets/anercorp/ANERCorp_CamelLab_test.txt', import.meta.url)
  .pathname;
const DEFAULT_FILE = new URL('../src/analyze/entities/ner/golden/anercorp-test.json', import.meta.url)
  .pathname;

/** One sentence's predictions, compactly: tags joined by spaces; spans as `start-end-TYPE-confidence`. */
export interface GoldenFile {
  readonly source: string;
  readonly generatedBy: string;
  readonly sentenceTags: string[];
  readonly documentSpans: string[];
}

export function predict(
  sentences: readonly (readonly string[])[],
): Pick<GoldenFile, 'sentenceTags' | 'documentSpans'> {
  const tagger = defaultTagger();
  const sentenceTags = sentences.map((words) => tagger.tag(words).join(' '));
  const documentSpans = defaultDocumentTagger()
    .spans(sentences)
    .map((spans) => spans.map((s) => `${s.start}-${s.end}-${s.type}-${s.confidence}`).join(' '));
  return { sentenceTags, documentSpans };
}

function spansToTags(line: string, length: number): string[] {
  const spans = line
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const [start, end, type] = s.split('-');
      return { start: Number(start), end: Number(end), type: type as 'PER' };
    });
  return tagSpans(spans, length, 'BIO');
}

// As recognizeEntities (index.ts) cuts a token sequence into the runs it tags.
const SENTENCE_END = new Set(['.', '!', '?', '؟', '…', '...']);
const MAX_RUN = 300;
function runsOf(words: readonly string[]): string[][] {
  const runs: string[][] = [];
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    if (i === words.length - 1 || SENTENCE_END.has(words[i]!) || i - from + 1 >= MAX_RUN) {
      runs.push(words.slice(from, i + 1));
      from = i + 1;
    }
  }
  return runs;
}

/** Documents (runs of words) with their predictions, for tests that must not depend on the tokenizer. */
export interface GoldenDocuments {
  readonly source: string;
  readonly documents: { readonly sentences: string[][]; readonly spans: string[] }[];
}

async function articleDocuments(texts: readonly string[]): Promise<string[][][]> {
  const { cleanRawText } = await import('../src/clean/clean.ts');
  const { tokenize } = await import('../src/text/tokenize.ts');
  return texts.map((text) => runsOf(tokenize(cleanRawText(text).cleanText).map((t) => t.text)));
}

function documentSpans(sentences: readonly (readonly string[])[]): string[] {
  const tagger = defaultDocumentTagger();
  return tagger
    .spans(sentences)
    .map((spans) => spans.map((s) => `${s.start}-${s.end}-${s.type}-${s.confidence}`).join(' '));
}

function checkDocuments(golden: GoldenDocuments): number {
  let differences = 0;
  const start = performance.now();
  let words = 0;
  golden.documents.forEach((doc, d) => {
    words += doc.sentences.reduce((n, s) => n + s.length, 0);
    const now = documentSpans(doc.sentences);
    now.forEach((line, i) => {
      if (line === doc.spans[i]) return;
      differences++;
      console.log(`document ${d} sentence ${i}:\n  old ${doc.spans[i]}\n  new ${line}`);
    });
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${golden.documents.length} documents, ${words} words, ${differences} differences (${seconds.toFixed(1)} s)`,
  );
  return differences;
}

async function main(): Promise<void> {
  const [mode, file = DEFAULT_FILE] = process.argv.slice(2);
  if (mode === 'write-fixture') {
    const root = new URL('../test/fixtures/', import.meta.url).pathname;
    const slice = parseConll(readFileSync(`${root}ner/anercorp-test-slice.txt`, 'utf8')).map((s) => s.words);
    const articles = readFileSync(`${root}corpus/saudinewsnet-sample.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const docs = [slice, ...(await articleDocuments(articles))];
    const golden: GoldenDocuments & { sentenceTags: string[] } = {
      source:
        'test/fixtures/ner/anercorp-test-slice.txt (document 0) and test/fixtures/corpus/saudinewsnet-sample.jsonl (documents 1-8, cleaned and tokenized), predictions of the shipped model before the typed-array rewrite',
      sentenceTags: slice.map((words) => defaultTagger().tag(words).join(' ')),
      documents: docs.map((sentences) => ({ sentences, spans: documentSpans(sentences) })),
    };
    const out = new URL('../src/analyze/entities/ner/golden/fixture.json', import.meta.url).pathname;
    writeFileSync(out, `${JSON.stringify(golden)}\n`);
    console.log(`wrote ${docs.length} documents to ${out}`);
    return;
  }
  if (mode === 'write-news') {
    const { loadCorpus } = await import('../bench/corpus.ts');
    const limit = Number(process.argv[3] ?? 300);
    const out = process.argv[4] ?? '/tmp/ner-golden-news.json';
    const docs = await articleDocuments(loadCorpus(limit).map((a) => a.text));
    const golden: GoldenDocuments = {
      source: `first ${limit} SaudiNewsNet bench articles`,
      documents: docs.map((sentences) => ({ sentences, spans: documentSpans(sentences) })),
    };
    writeFileSync(out, JSON.stringify(golden));
    console.log(`wrote ${docs.length} documents to ${out}`);
    return;
  }
  if (mode === 'check-news') {
    const golden = JSON.parse(
      readFileSync(process.argv[3] ?? '/tmp/ner-golden-news.json', 'utf8'),
    ) as GoldenDocuments;
    if (checkDocuments(golden) > 0) process.exitCode = 1;
    return;
  }
  const corpus = parseConll(readFileSync(TEST_SPLIT, 'utf8'));
  const sentences = corpus.map((s) => s.words);
  const start = performance.now();
  const now = predict(sentences);
  const seconds = (performance.now() - start) / 1000;
  if (mode === 'write') {
    const golden: GoldenFile = {
      source: 'ANERcorp CAMeL Lab test split (ANERCorp_CamelLab_test.txt), predictions of the shipped model',
      generatedBy: 'scripts/ner-golden.ts write',
      ...now,
    };
    writeFileSync(file, `${JSON.stringify(golden, null, 0)}\n`);
    console.log(`wrote ${sentences.length} sentences to ${file} (${seconds.toFixed(1)} s)`);
    return;
  }
  if (mode !== 'check') throw new Error('usage: ner-golden.ts write|check [FILE]');
  const golden = JSON.parse(readFileSync(file, 'utf8')) as GoldenFile;
  let differences = 0;
  sentences.forEach((words, i) => {
    if (golden.sentenceTags[i] !== now.sentenceTags[i]) {
      differences++;
      console.log(
        `sentence ${i} alone:\n  old ${golden.sentenceTags[i]}\n  new ${now.sentenceTags[i]}\n  ${words.join(' ')}`,
      );
    }
    if (golden.documentSpans[i] !== now.documentSpans[i]) {
      differences++;
      console.log(
        `sentence ${i} in the document:\n  old ${golden.documentSpans[i]}\n  new ${now.documentSpans[i]}`,
      );
    }
  });
  const gold = corpus.map((s) => s.tags);
  const f1 = (tags: string[][]) => (100 * scoreTags(gold, tags).micro.f1).toFixed(2);
  const asTags = (lines: readonly string[]) => lines.map((line) => line.split(' ').filter(Boolean));
  const fromSpans = (lines: readonly string[]) =>
    lines.map((line, i) => spansToTags(line, sentences[i]!.length));
  console.log(
    `${sentences.length} sentences, ${differences} differences (${seconds.toFixed(1)} s); micro F1 alone old ${f1(asTags(golden.sentenceTags))} new ${f1(asTags(now.sentenceTags))}; in the document old ${f1(fromSpans(golden.documentSpans))} new ${f1(fromSpans(now.documentSpans))}`,
  );
  if (differences > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
