import { api } from '../api/client.ts';
import type { RisingActor, TrendDay, TrendingStory, TrendsResponse } from '../api/types.ts';
import { DateRangeForm } from '../components/date-range.tsx';
import { actorName, ENTITY_TYPE_LABELS, label } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href, navigate, withParams } from '../router.ts';

/** The filters of the trends page, as the route's parameters carry them (empty = the API's default). */
interface TrendFilter {
  from: string;
  to: string;
  days: string;
  baselineDays: string;
}

// [value, shown]: the empty value leaves the API's default (7 days, a 14-day baseline).
const DAY_CHOICES: readonly [string, string][] = [
  ['', '7'],
  ['14', '14'],
  ['30', '30'],
];
const BASELINE_CHOICES: readonly [string, string][] = [
  ['7', '7'],
  ['', '14'],
  ['30', '30'],
];

/**
 * Per day, the stories carried by the most distinct sources and the actors named far more than usual.
 * `#/trends?days=14&baselineDays=30`.
 */
export function TrendsPage({ params }: { params: URLSearchParams }) {
  const filter: TrendFilter = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    days: params.get('days') ?? '',
    baselineDays: params.get('baselineDays') ?? '',
  };
  const query = {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.days ? { days: Number(filter.days) } : {}),
    ...(filter.baselineDays ? { baselineDays: Number(filter.baselineDays) } : {}),
  };
  const result = useApi(() => api.trends(query), JSON.stringify(query));
  return (
    <div class="page trends-page">
      <h1>الرائج</h1>
      <p class="muted">
        القصص التي نقلتها أكثر المصادر في كل يوم، والفاعلون الذين ذُكروا أكثر من معدّلهم المعتاد.
      </p>
      <TrendFilters value={filter} onApply={(next) => navigate(withParams(href('trends'), { ...next }))} />
      <LoadState result={result}>{(data) => <Trends data={data} />}</LoadState>
    </div>
  );
}

function TrendFilters({ value, onApply }: { value: TrendFilter; onApply: (value: TrendFilter) => void }) {
  return (
    <DateRangeForm
      id="trends-filters"
      label="نطاق الرائج"
      value={value}
      onApply={onApply}
      extra={(draft, set) => (
        <>
          <label class="filter">
            آخر الأيام (دون نطاق)
            <select name="days" value={draft.days} onChange={set('days')}>
              {DAY_CHOICES.map(([choice, shown]) => (
                <option key={shown} value={choice}>
                  {shown}
                </option>
              ))}
            </select>
          </label>
          <label class="filter">
            أيام المعدّل المعتاد
            <select name="baselineDays" value={draft.baselineDays} onChange={set('baselineDays')}>
              {BASELINE_CHOICES.map(([choice, shown]) => (
                <option key={shown} value={choice}>
                  {shown}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    />
  );
}

function Trends({ data }: { data: TrendsResponse }) {
  if (data.days.length === 0) return <p class="status">لا مقالات في هذا النطاق.</p>;
  return (
    <>
      {data.days.map((day) => (
        <Day key={day.date} day={day} />
      ))}
    </>
  );
}

function Day({ day }: { day: TrendDay }) {
  return (
    <section class="trend-day" id={`day-${day.date}`} data-date={day.date}>
      <h2>
        <span dir="ltr">{day.date}</span>
      </h2>
      <div class="trend-columns">
        <div>
          <h3>قصص رائجة</h3>
          {day.stories.length === 0 ? (
            <p class="muted">لا قصص.</p>
          ) : (
            <ol class="trend-stories">
              {day.stories.map((story) => (
                <Story key={story.clusterId} story={story} />
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>فاعلون صاعدون</h3>
          {day.risingActors.length === 0 ? (
            <p class="muted">لا أحد فوق معدّله.</p>
          ) : (
            <ol class="rising-actors">
              {day.risingActors.map((actor) => (
                <Rising key={actor.id} actor={actor} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

function Story({ story }: { story: TrendingStory }) {
  return (
    <li class="trend-story" data-cluster={story.clusterId}>
      <a href={href('article', story.articleId)} dir="auto">
        {story.title ?? 'بلا عنوان'}
      </a>
      <div class="muted trend-meta">
        <span class="chip story-sources">{story.sources} مصادر</span>{' '}
        <span class="story-sightings">{story.sightings} ظهور</span>
        {story.outlets.length > 0 && (
          <>
            {' · '}
            <span class="story-outlets" dir="auto">
              {story.outlets.join('، ')}
            </span>
          </>
        )}
      </div>
    </li>
  );
}

function Rising({ actor }: { actor: RisingActor }) {
  return (
    <li class="rising-actor" data-actor={actor.id}>
      <a href={href('actor', actor.id)} dir="auto">
        {actorName(actor)}
      </a>{' '}
      <span class={`chip type-${actor.type}`}>{label(ENTITY_TYPE_LABELS, actor.type)}</span>
      <div class="muted trend-meta">
        <span class="actor-count">{actor.count} مقالات</span> مقابل{' '}
        <span class="actor-baseline">{actor.baseline.toFixed(1)}</span> في اليوم عادةً · الارتفاع{' '}
        <span class="actor-score">{actor.score.toFixed(1)}</span> ·{' '}
        <a class="watch-actor" href={withParams(href('watchlists'), { name: actor.name, actors: actor.id })}>
          راقب
        </a>
      </div>
    </li>
  );
}
