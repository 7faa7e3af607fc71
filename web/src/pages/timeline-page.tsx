import { useMemo } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { TimelineResponse } from '../api/types.ts';
import { BarChart, type ChartSeries } from '../components/bar-chart.tsx';
import { actorField, DateRangeForm, rangeFromParams } from '../components/date-range.tsx';
import { EVENT_TYPE_LABELS, label } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { fillDays } from '../components/timeline-days.ts';
import { href, navigate, withParams } from '../router.ts';

/** Articles per publication day and events per type, filterable by date range and actor. */
export function TimelinePage({ params }: { params: URLSearchParams }) {
  const range = rangeFromParams(params);
  const result = useApi(() => api.timeline(range), JSON.stringify(range));
  return (
    <div class="page timeline-page">
      <h1>الخط الزمني</h1>
      <DateRangeForm value={range} onApply={(next) => navigate(withParams(href('timeline'), { ...next }))} extra={actorField} />
      <LoadState result={result}>{(data) => <Timeline data={data} />}</LoadState>
    </div>
  );
}

function Timeline({ data: raw }: { data: TimelineResponse }) {
  const { categories, series, totals } = useMemo(() => {
    const data = { days: fillDays([...raw.days].sort((a, b) => a.date.localeCompare(b.date))) };
    const types = new Set<string>();
    for (const day of data.days) for (const type of Object.keys(day.events)) types.add(type);
    const built: ChartSeries[] = [
      { name: 'المقالات', kind: 'line', values: data.days.map((day) => day.articles), color: '#34506b' },
      ...[...types].sort().map((type) => ({
        name: label(EVENT_TYPE_LABELS, type),
        kind: 'bar' as const,
        stack: 'events',
        values: data.days.map((day) => day.events[type] ?? 0),
      })),
    ];
    const articleTotal = data.days.reduce((sum, day) => sum + day.articles, 0);
    const eventTotal = data.days.reduce(
      (sum, day) => sum + Object.values(day.events).reduce((a, b) => a + b, 0),
      0,
    );
    return {
      categories: data.days.map((day) => day.date),
      series: built,
      totals: { articleTotal, eventTotal, days: raw.days.length },
    };
  }, [raw]);
  if (raw.days.length === 0) return <p class="status">لا بيانات في هذا النطاق.</p>;
  return (
    <>
      <p class="muted">
        {totals.days} يوماً · {totals.articleTotal} مقالاً · {totals.eventTotal} حدثاً
      </p>
      <BarChart categories={categories} series={series} label="المقالات والأحداث في كل يوم" />
    </>
  );
}
