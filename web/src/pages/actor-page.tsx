import { useMemo } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { ActorEvent, ActorQuote, ActorResponse } from '../api/types.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { actorName, ENTITY_TYPE_LABELS, EVENT_TYPE_LABELS, formatDate, label, QUOTE_FORM_LABELS } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href, withParams } from '../router.ts';

/** Who an actor is, what they said over time, what they did and with whom they appear. */
export function ActorPage({ id }: { id: string }) {
  const result = useApi(() => api.actor(id), id);
  return (
    <div class="page actor-page">
      <LoadState result={result}>{(data) => <Actor data={data} />}</LoadState>
    </div>
  );
}

function cueText(cue: ActorQuote['cue']): string | undefined {
  return typeof cue === 'string' ? cue : cue?.text;
}

function timeText(time: ActorEvent['time']): string {
  if (!time) return '';
  return typeof time === 'string' ? time : (time.value ?? time.text);
}

/** Quotes and events per month, oldest first. */
function perMonth(data: ActorResponse): { months: string[]; quotes: number[]; events: number[] } {
  const counts = new Map<string, { quotes: number; events: number }>();
  const bump = (date: string | undefined, field: 'quotes' | 'events') => {
    if (!date) return;
    const month = date.slice(0, 7);
    const entry = counts.get(month) ?? { quotes: 0, events: 0 };
    entry[field]++;
    counts.set(month, entry);
  };
  for (const quote of data.quotes) bump(quote.publishedAt, 'quotes');
  for (const event of data.events) bump(event.publishedAt, 'events');
  const months = [...counts.keys()].sort();
  return {
    months,
    quotes: months.map((month) => counts.get(month)!.quotes),
    events: months.map((month) => counts.get(month)!.events),
  };
}

function Actor({ data }: { data: ActorResponse }) {
  const { actor } = data;
  const chart = useMemo(() => perMonth(data), [data]);
  const series = useMemo(
    () => [
      { name: 'اقتباسات', kind: 'bar' as const, values: chart.quotes, color: '#7a3f9a' },
      { name: 'أحداث', kind: 'bar' as const, values: chart.events, color: '#b5452a' },
    ],
    [chart],
  );
  const quotes = [...data.quotes].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  const maxWeight = Math.max(1, ...data.coActors.map((co) => co.weight));
  return (
    <>
      <header class="actor-header">
        <h1>
          <bdi>{actorName(actor)}</bdi>
          {actor.arabicName && (
            <>
              {' — '}
              <span class="muted actor-latin-name" dir="ltr">
                {actor.name}
              </span>
            </>
          )}
        </h1>
        <p class="muted">
          {[label(ENTITY_TYPE_LABELS, actor.type), actor.role, actor.country].filter(Boolean).join(' · ')}
          {actor.wikidata && (
            <>
              {' · '}
              <a href={`https://www.wikidata.org/wiki/${encodeURIComponent(actor.wikidata)}`} rel="noopener noreferrer" target="_blank" dir="ltr">
                {actor.wikidata}
              </a>
            </>
          )}
        </p>
        {actor.titles && actor.titles.length > 0 && <p>الألقاب: {actor.titles.join('، ')}</p>}
        <dl class="stats">
          <div>
            <dt>مقالات</dt>
            <dd>{actor.articles}</dd>
          </div>
          <div>
            <dt>إشارات</dt>
            <dd>{actor.mentions}</dd>
          </div>
          <div>
            <dt>اقتباسات</dt>
            <dd>{actor.quotes}</dd>
          </div>
          <div>
            <dt>أحداث</dt>
            <dd>{actor.events}</dd>
          </div>
        </dl>
        <p>
          <a href={withParams(href('search'), { q: actor.name, entity: actor.id })}>المقالات</a>
          {' · '}
          <a href={withParams(href('graph'), { actor: actor.id })}>شبكته</a>
          {' · '}
          <a href={withParams(href('timeline'), { actor: actor.id })}>خطه الزمني</a>
        </p>
      </header>

      <div class="actor-columns">
        <section class="actor-quotes">
          <h2>أقواله عبر الزمن ({data.quotes.length})</h2>
          {chart.months.length > 1 && <BarChart categories={chart.months} series={series} height={220} label="الاقتباسات والأحداث في كل شهر" />}
          {quotes.length === 0 && <p class="muted">لا اقتباسات.</p>}
          <ol class="quote-timeline">
            {quotes.map((quote, i) => (
              <li key={i}>
                <div class="muted">
                  <time>{formatDate(quote.publishedAt) || 'بلا تاريخ'}</time> · {label(QUOTE_FORM_LABELS, quote.form)}
                  {cueText(quote.cue) && <> · {cueText(quote.cue)}</>}
                </div>
                <blockquote dir="auto" class="l-quote">
                  {quote.text}
                </blockquote>
                <a href={href('article', quote.articleId)} dir="auto">
                  {quote.title ?? 'المقال'}
                </a>
              </li>
            ))}
          </ol>
        </section>

        <section class="actor-side">
          <h2>الأحداث ({data.events.length})</h2>
          {data.events.length === 0 ? (
            <p class="muted">لا أحداث.</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th>التاريخ</th>
                  <th>النوع</th>
                  <th>الدور</th>
                  <th>الطرف الآخر</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((event, i) => (
                  <tr key={i}>
                    <td>{timeText(event.time) || formatDate(event.publishedAt)}</td>
                    <td>
                      <a href={href('article', event.articleId)} title={event.text}>
                        {label(EVENT_TYPE_LABELS, event.type)}
                      </a>
                      {event.mode && <span class="muted"> {event.mode}</span>}
                    </td>
                    <td>{event.role === 'source' ? 'فاعل' : 'مفعول به'}</td>
                    <td dir="auto">
                      {event.other?.entityId ? (
                        <a href={href('actor', event.other.entityId)}>{actorName(event.other)}</a>
                      ) : (
                        (event.other?.name ?? '—')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>يظهر مع</h2>
          {data.coActors.length === 0 && <p class="muted">لا أحد.</p>}
          <ul class="co-actors">
            {data.coActors.map((co) => (
              <li key={co.id}>
                <a href={href('actor', co.id)} dir="auto">
                  {actorName(co)}
                </a>
                <span class="bar" style={{ width: `${Math.round((co.weight / maxWeight) * 100)}%` }} />
                <span class="muted">{co.weight}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
