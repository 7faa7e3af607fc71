import { api } from '../api/client.ts';
import type { ArticleResponse } from '../api/types.ts';
import { formatDate, httpUrl } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { ReaderView } from '../reader/reader-view.tsx';

const RELATION_LABELS: Record<string, string> = { original: 'الأصل', exact: 'نسخة مطابقة', near: 'نسخة قريبة' };

/** One stored article in the reader, with where else it was seen. */
export function ArticlePage({ id }: { id: string }) {
  const result = useApi(() => api.article(id), id);
  return <div class="page article-page">{<LoadState result={result}>{(data) => <Article data={data} />}</LoadState>}</div>;
}

function Article({ data }: { data: ArticleResponse }) {
  const { article, analysis, cluster } = data;
  const copies = cluster?.sightings.filter((sighting) => sighting.relation !== 'original') ?? [];
  return (
    <>
      <header class="article-header">
        <h1 dir="auto">{article.title ?? 'بلا عنوان'}</h1>
        <p class="muted">
          {[article.outlet, formatDate(article.publishedAt), article.author].filter(Boolean).join(' · ')}
          {article.url && (
            <>
              {' · '}
              {httpUrl(article.url) ? (
                <a href={httpUrl(article.url)} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                  {article.url}
                </a>
              ) : (
                <span dir="ltr">{article.url}</span>
              )}
            </>
          )}
        </p>
        {copies.length > 0 && (
          <details class="copies">
            <summary>نُشر أيضاً في {copies.length} موضع</summary>
            <ul>
              {copies.map((sighting) => (
                <li key={sighting.sourceKey}>
                  {RELATION_LABELS[sighting.relation]} ({Math.round(sighting.similarity * 100)}٪):{' '}
                  <span dir="auto">{sighting.source.outlet ?? sighting.source.url ?? sighting.sourceKey}</span>
                  {sighting.title && <span dir="auto"> — {sighting.title}</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </header>
      {analysis ? (
        <ReaderView doc={analysis} />
      ) : (
        <>
          <p class="status">لم يُحلَّل هذا المقال بعد؛ النص النظيف:</p>
          <article class="reader-text">
            {article.cleanText.split('\n').map((line, i) => (
              <p key={i} dir="auto">
                {line}
              </p>
            ))}
          </article>
        </>
      )}
    </>
  );
}
