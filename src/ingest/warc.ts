import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeWeb } from './charset.ts';
import { parseHtmlArticle } from './html/extract.ts';
import { type ByteCounter, reasonOf, type SourceItem } from './types.ts';

/**
 * Reads a WARC or WARC.gz file record by record (warcio detects the compression) and yields an article per
 * HTML response, keeping the WARC-Record-ID and target URI; other records are skipped with a reason.
 * `for await (const item of readWarcFile('crawl.warc.gz', counter))` → articles.
 */
export async function* readWarcFile(path: string, counter: ByteCounter, maxBytes: number): AsyncGenerator<SourceItem> {
  const stream = createReadStream(path);
  stream.on('data', (chunk) => {
    counter.read += chunk.length;
  });
  let record = 0;
  try {
    for await (const r of new WARCParser(stream)) {
      record++;
      const recordId = r.warcHeader('WARC-Record-ID') ?? undefined;
      const url = r.warcTargetURI ?? undefined;
      const where = `${path}, record ${record}${url ? ` (${url})` : ''}`;
      if (r.warcType !== 'response') {
        yield { kind: 'skipped', input: where, reason: `${r.warcType} record` };
        continue;
      }
      const contentType = r.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(contentType)) {
        yield { kind: 'skipped', input: where, reason: `not HTML (${contentType || 'no content type'})` };
        continue;
      }
      try {
        const payload = await r.readFully(true);
        if (payload.length > maxBytes) throw new Error(`payload of ${payload.length} bytes exceeds ${maxBytes}`);
        const article = parseHtmlArticle(decodeWeb(payload, contentType), {
          kind: 'warc',
          location: path,
          record,
          ...(url ? { url } : {}),
          ...(recordId ? { warcRecordId: recordId } : {}),
        });
        // Keep the captured URI as the article's place even when the page names another canonical URL.
        yield { kind: 'article', article: { ...article, source: { ...article.source, ...(url ? { url } : {}) } } };
      } catch (error) {
        yield { kind: 'failed', input: where, reason: reasonOf(error) };
      }
    }
  } catch (error) {
    yield { kind: 'failed', input: `${path}, after record ${record}`, reason: `unreadable WARC: ${reasonOf(error)}` };
  }
}
