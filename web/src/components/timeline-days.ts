import type { TimelineDay } from '../api/types.ts';

const DAY_MS = 86_400_000;
const MAX_FILLED_DAYS = 1500;

/** Adds the days without articles between the first and the last, so the axis is even (up to ~4 years). */
export function fillDays(days: readonly TimelineDay[]): TimelineDay[] {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const start = Date.parse(`${first.date}T00:00:00Z`);
  const end = Date.parse(`${last.date}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end) || (end - start) / DAY_MS > MAX_FILLED_DAYS) return [...days];
  const byDate = new Map(days.map((day) => [day.date, day]));
  const filled: TimelineDay[] = [];
  for (let t = start; t <= end; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    filled.push(byDate.get(date) ?? { date, articles: 0, events: {} });
  }
  return filled;
}
