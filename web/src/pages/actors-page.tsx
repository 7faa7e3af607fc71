import { api } from '../api/client.ts';
import { actorName, ENTITY_TYPE_LABELS, label } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href, navigate, withParams } from '../router.ts';

/** The most-covered actors, each linking to their page. */
export function ActorsPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const result = useApi(() => api.actors({ q, limit: 100 }), q);
  return (
    <div class="page actors-page">
      <h1>الفاعلون</h1>
      <form
        class="filters"
        aria-label="ابحث عن فاعل"
        onSubmit={(event) => {
          event.preventDefault();
          const input = (event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
          navigate(withParams(href('actors'), { q: input.value.trim() }));
        }}
      >
        <label class="filter">
          الاسم
          <input type="search" name="q" value={q} />
        </label>
        <button type="submit">بحث</button>
      </form>
      <LoadState result={result}>
        {(data) => (
          <table class="data-table">
            <thead>
              <tr>
                <th>الاسم</th>
                <th>النوع</th>
                <th>مقالات</th>
                <th>اقتباسات</th>
                <th>أحداث</th>
              </tr>
            </thead>
            <tbody>
              {data.actors.length === 0 && (
                <tr>
                  <td colSpan={5}>لا فاعلين.</td>
                </tr>
              )}
              {data.actors.map((actor) => (
                <tr key={actor.id}>
                  <td>
                    <a href={href('actor', actor.id)} dir="auto">
                      {actorName(actor)}
                    </a>
                    {actor.role && <span class="muted"> — {actor.role}</span>}
                  </td>
                  <td>{label(ENTITY_TYPE_LABELS, actor.type)}</td>
                  <td>{actor.articles}</td>
                  <td>{actor.quotes}</td>
                  <td>{actor.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </div>
  );
}
