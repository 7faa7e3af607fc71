/** Arabic labels and readable summaries for live monitoring: sources, watchlists and alerts. */
import type { DeliveryStatus, MatchReason, WatchQuery } from '../api/types.ts';
import { EVENT_TYPE_LABELS, label } from './labels.ts';

export const SOURCE_KIND_LABELS: Record<string, string> = {
  feed: 'خلاصة',
  sitemap: 'خريطة موقع',
};

export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  none: 'بلا إرسال',
  pending: 'قيد الإرسال',
  delivered: 'أُرسل',
  failed: 'فشل الإرسال',
};

export const REASON_LABELS: Record<MatchReason['kind'], string> = {
  text: 'نص',
  actor: 'فاعل',
  quote: 'تصريح',
  event: 'حدث',
  source: 'مصدر',
};

/** `2024-05-01T10:15:30Z` → `2024-05-01 10:15` (UTC); absent → `—`. */
export function formatTime(value: string | undefined): string {
  if (!value) return '—';
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString().slice(0, 16).replace('T', ' ');
}

/** A duration in the largest fitting unit: `formatDuration(900_000)` → `15 د`; absent → `—`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(Math.abs(ms) / 1000);
  const sign = ms < 0 ? '-' : '';
  if (seconds < 60) return `${sign}${seconds} ث`;
  if (seconds < 3600) return `${sign}${Math.round(seconds / 60)} د`;
  if (seconds < 86_400) return `${sign}${round1(seconds / 3600)} س`;
  return `${sign}${round1(seconds / 86_400)} ي`;
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Splits a list typed with Latin or Arabic commas: `'بوتين، KOR ,'` → `['بوتين', 'KOR']`. */
export function parseList(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A watchlist's query in one Arabic line, condition by condition:
 * `querySummary({speaker: 'بيسكوف', eventTypes: ['THREATEN']})` → `المتحدث: بيسكوف · الأحداث: تهديد`.
 */
export function querySummary(query: WatchQuery): string {
  const parts: string[] = [];
  if (query.text) parts.push(`النص: ${query.text}`);
  if (query.actors?.length) parts.push(`الفاعلون: ${query.actors.join(' و')}`);
  if (query.speaker) parts.push(`المتحدث: ${query.speaker}`);
  if (query.eventTypes?.length)
    parts.push(`الأحداث: ${query.eventTypes.map((type) => label(EVENT_TYPE_LABELS, type)).join(' أو ')}`);
  if (query.eventSource) parts.push(`فاعل الحدث: ${query.eventSource}`);
  if (query.eventTarget) parts.push(`هدف الحدث: ${query.eventTarget}`);
  if (query.source) parts.push(`المصدر: ${query.source}`);
  return parts.length > 0 ? parts.join(' · ') : 'كل المقالات';
}
