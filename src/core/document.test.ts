import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../analyze/index.ts';
import { parsePlainText } from '../ingest/plain-text.ts';
import { seedText } from '../../test/fixtures.ts';
import { articleId, makeRawArticle } from './article.ts';
import { documentFromJson, documentToJson, SCHEMA_VERSION } from './document.ts';
import { RasdError } from './errors.ts';

describe('analyzed document JSON', () => {
  const doc = analyzeArticle(parsePlainText(seedText(), { kind: 'file', location: 'seed/article.txt' }));

  it('round-trips without loss and carries the schema version', () => {
    const json = documentToJson(doc);
    assert.equal(JSON.parse(json).schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(documentFromJson(json), doc);
  });

  it('refuses another schema version, naming it', () => {
    const json = documentToJson({ ...doc, schemaVersion: 99 as typeof SCHEMA_VERSION });
    assert.throws(() => documentFromJson(json, 'old.json'), (e: unknown) => e instanceof RasdError && e.code === 'E_SCHEMA_VERSION' && e.message.includes('old.json'));
  });

  it('refuses a span that does not slice the clean text', () => {
    const tokens = [...doc.annotations.tokens];
    tokens[3] = { ...tokens[3]!, end: tokens[3]!.end + 1 };
    const broken = documentToJson({ ...doc, annotations: { ...doc.annotations, tokens } });
    assert.throws(() => documentFromJson(broken), /tokens\[3\]/);
  });

  it('refuses input that is not JSON', () => {
    assert.throws(() => documentFromJson('{', 'x.json'), (e: unknown) => e instanceof RasdError && e.code === 'E_BAD_DOCUMENT');
  });
});

describe('article ids', () => {
  it('are content hashes: same content, same id; any change, another id', () => {
    const a = makeRawArticle({ source: { kind: 'inline' }, title: 'عنوان', rawText: 'نص الخبر.' });
    const b = makeRawArticle({ source: { kind: 'url', url: 'https://example.com/a' }, title: 'عنوان', rawText: 'نص الخبر.' });
    assert.equal(a.id, b.id);
    assert.match(a.id, /^[0-9a-f]{32}$/);
    assert.notEqual(articleId('نص الخبر!', 'عنوان'), a.id);
    assert.notEqual(articleId('نص الخبر.', 'عنوان آخر'), a.id);
  });
});
