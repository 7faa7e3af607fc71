import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { HighlightedText } from '../components/highlighted-text.tsx';
import { formatDate } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href, navigate, withParams } from '../router.ts';

const PAGE_SIZE = 20;

type Filters = { q: string; from: string; to: string; source: string; entity: string };

/** Full-text search with date, source and entity filters; results carry highlighted titles and snippets. */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const filters: Filters = {
    q: params.get('q') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    source: params.get('source') ?? '',
    entity: params.get('entity') ?? '',
  };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(filters);
  const key = params.toString();
  useEffect(() => setDraft(filters), [key]);

  const submit = (event: Event) => {
    event.preventDefault();
    navigate(withParams(href('search'), { ...draft }));
  };
  const field = (name: keyof Filters, text: string, type = 'text') => (
    <label class="filter">
      {text}
      <input
        type={type}
        name={name}
        value={draft[name]}
        onInput={(event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <div class="page search-page">
      <form class="filters" onSubmit={submit} aria-label="تصفية البحث">
        {field('q', 'كلمات البحث', 'search')}
        {field('from', 'من', 'date')}
        {field('to', 'إلى', 'date')}
        {field('source', 'المصدر')}
        {field('entity', 'الكيان')}
        <button type="submit">بحث</button>
      </form>
      {filters.q.trim() === '' ? (
        <p class="muted">اكتب كلمة أو عبارة («…» للعبارة، * للبادئة). الهمزات والتشكيل لا تؤثر في النتائج.</p>
      ) : (
        <Results filters={filters} offset={offset} />
      )}
    </div>
  );
}

function Results({ filters, offset }: { filters: Filters; offset: number }) {
  const request = { ...filters, limit: PAGE_SIZE, offset };
  const result = useApi(() => api.search(request), JSON.stringify(request));
  const page = (to: number) => withParams(href('search'), { ...filters, offset: to || undefined });
  return (
    <LoadState result={result}>
      {(data) => (
        <>
          <p class="muted result-count">
            {data.hits.length === 0
              ? 'لا نتائج.'
              : `النتائج ${data.offset + 1}–${data.offset + data.hits.length}`}
          </p>
          <ol class="hits">
            {data.hits.map((hit) => (
              <li key={hit.articleId} class="hit">
                <a class="hit-title" href={href('article', hit.articleId)} dir="auto">
                  {hit.titleHighlights ? (
                    <HighlightedText text={hit.titleHighlights.text} highlights={hit.titleHighlights.highlights} />
                  ) : (
                    (hit.title ?? 'بلا عنوان')
                  )}
                </a>
                <div class="hit-meta muted">
                  {[hit.outlet, formatDate(hit.publishedAt)].filter(Boolean).join(' · ')}
                </div>
                <p class="snippet" dir="auto">
                  {hit.snippetStart > 0 && '… '}
                  <HighlightedText text={hit.snippet.text} highlights={hit.snippet.highlights} />
                  {' …'}
                </p>
              </li>
            ))}
          </ol>
          <nav class="pager">
            {offset > 0 && <a href={page(Math.max(0, offset - PAGE_SIZE))}>→ السابق</a>}
            {data.hits.length === PAGE_SIZE && <a href={page(offset + PAGE_SIZE)}>التالي ←</a>}
          </nav>
        </>
      )}
    </LoadState>
  );
}
