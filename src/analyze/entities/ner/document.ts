import { buildGazetteer, gazetteerWord, matchGazetteer } from './gazetteer.ts';
import type { TaggedSpan, Tagger } from './tagger.ts';

/**
 * Two-stage tagging with non-local features (Krishnan & Manning 2006): a first-stage tagger tags every
 * sentence of a document alone; what it predicted for the same words and names in the sentences around a
 * sentence becomes features of a second-stage model, which tags the sentence again. News repeats names, and
 * a name the first stage found in a clear context tells the second stage how to read a repetition in an
 * unclear one (and the other way round for names the first stage tagged inconsistently).
 */

/** One sentence with the first stage's names. */
export interface StageOneSentence {
  readonly words: readonly string[];
  readonly spans: readonly TaggedSpan[];
}

// Label ids: O, then B/I of PER, ORG, LOC, MISC.
const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const LABEL_ID = new Map(LABELS.map((l, i) => [l, i]));
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
// Matching forms this short (one letter, punctuation) carry no document evidence.
const MIN_FORM = 2;

function countBucket(n: number): string {
  return n <= 0 ? '0' : n === 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3' : '5';
}

function shareBucket(x: number): number {
  return Math.min(4, Math.floor(x * 5));
}

function confidenceBucket(c: number): string {
  return c < 0.5 ? 'l' : c < 0.8 ? 'm' : c < 0.95 ? 'h' : 's';
}

/**
 * The document features of every word: for sentence i, the first stage's tag and confidence of the word
 * and its neighbours, how the word's other occurrences within `window` sentences before and after were
 * tagged (majority label, name share), the longest match of the names found in those sentences, the roles
 * the word plays in them, and the majority type elsewhere of the name the first stage gave it here.
 * The sentence's own names never count as "elsewhere", so the features add what the sentence alone lacks.
 */
export function documentFeatures(sentences: readonly StageOneSentence[], window: number): string[][][] {
  const forms = sentences.map((s) => s.words.map(gazetteerWord));
  const labels = sentences.map((s) => {
    const ids = new Array<number>(s.words.length).fill(0);
    const conf = new Array<number>(s.words.length).fill(1);
    for (const span of s.spans) {
      for (let k = span.start; k < span.end; k++) {
        ids[k] = LABEL_ID.get(`${k === span.start ? 'B' : 'I'}-${span.type}`) ?? 0;
        conf[k] = span.confidence;
      }
    }
    return { ids, conf };
  });
  const names = sentences.map((s, i) =>
    s.spans.map((span) => ({
      key: forms[i]!.slice(span.start, span.end).join(' '),
      raw: s.words.slice(span.start, span.end).join(' '),
      type: span.type,
    })),
  );
  // Sliding counts of (form, label) over the window.
  const counts = new Map<string, Int32Array>();
  const add = (j: number, sign: number) => {
    forms[j]!.forEach((form, k) => {
      if (form.length < MIN_FORM) return;
      let row = counts.get(form);
      if (!row) {
        row = new Int32Array(LABELS.length);
        counts.set(form, row);
      }
      row[labels[j]!.ids[k]!]! += sign;
    });
  };
  const n = sentences.length;
  let lo = 0;
  let hi = -1;
  const out: string[][][] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(n - 1, i + window);
    while (hi < to) add(++hi, 1);
    while (lo < from) add(lo++, -1);
    // Names found elsewhere in the window: majority type per name string.
    // (Keyed by matching forms; the gazetteer is built from the words as written, which it stems itself.)
    const votes = new Map<string, { raw: string; byType: Map<string, number> }>();
    for (let j = from; j <= to; j++) {
      if (j === i) continue;
      for (const { key, raw, type } of names[j]!) {
        if (key.length < MIN_FORM + 1) continue;
        const entry = votes.get(key) ?? { raw, byType: new Map<string, number>() };
        entry.byType.set(type, (entry.byType.get(type) ?? 0) + 1);
        votes.set(key, entry);
      }
    }
    const majority = new Map<string, string>();
    const listed: [string, string][] = [];
    for (const [key, { raw, byType }] of votes) {
      const best = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      majority.set(key, best[0]);
      listed.push([raw, best[0]]);
    }
    const gazetteer = buildGazetteer(listed);
    const own = forms[i]!;
    const marks = matchGazetteer(gazetteer, own);
    const { ids, conf } = labels[i]!;
    // This sentence's own occurrences, taken out of the window counts.
    const ownCounts = new Map<string, Int32Array>();
    own.forEach((form, k) => {
      let row = ownCounts.get(form);
      if (!row) {
        row = new Int32Array(LABELS.length);
        ownCounts.set(form, row);
      }
      row[ids[k]!]! += 1;
    });
    const spanType = new Array<string | undefined>(own.length).fill(undefined);
    for (const span of sentences[i]!.spans) {
      const elsewhere = majority.get(own.slice(span.start, span.end).join(' '));
      for (let k = span.start; k < span.end; k++) spanType[k] = `${span.type}|${elsewhere ?? '-'}`;
    }
    const tagAt = (k: number) => (k < 0 || k >= own.length ? 'edge' : LABELS[ids[k]!]!);
    out.push(
      own.map((form, k) => {
        const f = [
          `d1=${tagAt(k)}`,
          `d1c=${tagAt(k)}|${confidenceBucket(conf[k]!)}`,
          `d1-1=${tagAt(k - 1)}`,
          `d1+1=${tagAt(k + 1)}`,
          `de=${marks[k] ?? 'O'}`,
          `de-1=${marks[k - 1] ?? 'O'}`,
          `de+1=${marks[k + 1] ?? 'O'}`,
        ];
        if (spanType[k]) f.push(`dst=${spanType[k]}`);
        for (const role of gazetteer.words.get(form) ?? []) f.push(`der=${role}`);
        if (form.length < MIN_FORM) return f;
        const row = counts.get(form);
        const mine = ownCounts.get(form)!;
        let total = 0;
        let best = 0;
        let bestCount = -1;
        let named = 0;
        const byType = [0, 0, 0, 0];
        for (let l = 0; l < LABELS.length; l++) {
          const c = (row?.[l] ?? 0) - mine[l]!;
          total += c;
          if (c > bestCount) {
            best = l;
            bestCount = c;
          }
          if (l > 0) {
            named += c;
            byType[(l - 1) >> 1]! += c;
          }
        }
        f.push(`dn=${countBucket(total)}`);
        if (total === 0) return f;
        f.push(`dw=${LABELS[best]!}`, `dws=${shareBucket(named / total)}`);
        if (named > 0) {
          let t = 0;
          for (let u = 1; u < 4; u++) if (byType[u]! > byType[t]!) t = u;
          f.push(`dwt=${TYPES[t]!}|${countBucket(named)}`, `dwt|d1=${TYPES[t]!}|${tagAt(k)}`);
        }
        return f;
      }),
    );
  }
  return out;
}

/** A tagger of whole documents: stage one over every sentence, then stage two with document features. */
export interface DocumentTagger {
  spans(sentences: readonly (readonly string[])[]): TaggedSpan[][];
}

/** Binds the two stages. `createDocumentTagger(stage1, stage2, 30).spans([['قال', 'بوتين']])`. */
export function createDocumentTagger(stage1: Tagger, stage2: Tagger, window: number): DocumentTagger {
  return {
    spans(sentences) {
      const first = sentences.map((words) => ({ words, spans: stage1.spans(words) }));
      const extra = documentFeatures(first, window);
      return sentences.map((words, i) => stage2.spans(words, extra[i]));
    },
  };
}
