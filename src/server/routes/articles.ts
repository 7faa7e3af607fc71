import { makeRawArticle, type ArticleSource, type RawArticle } from '../../core/article.ts';
import { analyzeArticle } from '../../analyze/index.ts';
import { RasdError } from '../../core/errors.ts';
import { DEFAULT_INGEST_OPTIONS, ingestItems, parseHtmlArticle, sourceKey } from '../../ingest/index.ts';
import { createAlertHook } from '../../monitor/alert-hook.ts';
import { HttpError } from '../errors.ts';
import { AnalyzeBody, AnalyzedDocument, ArticleParams, ArticleResult, ErrorBody, IngestBody, IngestResult } from '../schemas.ts';
import { type Api, type RouteContext, wire } from '../context.ts';

interface ArticleInput {
  readonly text?: string;
  readonly html?: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

/** `GET /api/articles/:id`, `POST /api/analyze`, `POST /api/ingest`. */
export function registerArticleRoutes(app: Api, ctx: RouteContext): void {
  app.get(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'an article with its full analysis and its duplicate cluster',
        params: ArticleParams,
        response: { 200: ArticleResult, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const article = await ctx.store.getArticle(id);
      if (article === undefined) throw new HttpError(404, 'E_NOT_FOUND', `no article ${id}`);
      const [analysis, cluster] = await Promise.all([ctx.store.getAnalysis(id), ctx.store.getCluster(id)]);
      return wire({ article, analysis: analysis ?? null, cluster: cluster ?? null });
    },
  );

  app.post(
    '/api/analyze',
    {
      schema: {
        tags: ['articles'],
        summary: 'analyze a posted text or HTML page (not stored)',
        description: 'Beyond loopback, bodies over 64 KB need the bearer token.',
        body: AnalyzeBody,
        response: { 200: AnalyzedDocument, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => {
      if (!ctx.isSmallBody(request)) ctx.requireWriter(request);
      return wire(analyzeArticle(rawFromInput(request.body, { kind: 'inline' })));
    },
  );

  app.post(
    '/api/ingest',
    {
      schema: {
        tags: ['articles'],
        summary: 'clean, deduplicate, analyze and store one article',
        description: 'Beyond loopback, needs the bearer token.',
        body: IngestBody,
        response: { 200: IngestResult, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => {
      ctx.requireWriter(request);
      const { url, outlet } = request.body;
      const source: ArticleSource = { kind: url === undefined ? 'inline' : 'url', ...(url ? { url } : {}), ...(outlet ? { outlet } : {}) };
      const raw = rawFromInput(request.body, source);
      return ctx.serialWrite(async () => {
        const summary = await ingestItems(ctx.store, one(raw), { ...DEFAULT_INGEST_OPTIONS, onCommitted: createAlertHook(ctx.store, { onError: (error) => request.log.error({ err: error }, 'alerts not raised') }) });
        if (summary.failed > 0) throw new HttpError(400, 'E_BAD_RECORD', `the article could not be ingested: ${summary.failures[0]?.reason ?? 'unknown reason'}`);
        const cluster = await ctx.store.getCluster(raw.id);
        const key = sourceKey(raw.source);
        const sighting = cluster?.sightings.find((s) => s.rawId === raw.id && s.sourceKey === key) ?? cluster?.sightings.find((s) => s.rawId === raw.id);
        if (cluster === undefined || sighting === undefined) throw new Error(`ingested article ${raw.id} not found in the store`);
        return { articleId: cluster.articleId, relation: sighting.relation, clusterId: cluster.id };
      });
    },
  );
}

/** The raw article of a posted body: HTML goes through the page extractor, text is taken as it is. */
function rawFromInput(input: ArticleInput, source: ArticleSource): RawArticle {
  if ((input.text === undefined) === (input.html === undefined)) {
    throw new HttpError(400, 'E_BAD_REQUEST', 'give exactly one of "text" and "html"');
  }
  if (input.html !== undefined) {
    const page = parseHtmlArticle(input.html, source);
    if (input.title === undefined && input.publishedAt === undefined) return page;
    // The caller's title and date win over the page's; the id follows the content.
    return makeRawArticle({ ...page, ...(input.title ? { title: input.title } : {}), ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) });
  }
  const text = input.text ?? '';
  if (text.trim() === '') throw new RasdError('E_EMPTY_INPUT', 'the text is empty', { input: 'body' });
  return makeRawArticle({
    source,
    rawText: text,
    ...(input.title ? { title: input.title } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
}

async function* one(raw: RawArticle) {
  yield { kind: 'article' as const, article: raw };
}
