import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client.ts';
import type { SourceRecord } from '../api/types.ts';
import { httpUrl, label } from './labels.ts';
import { formatDuration, formatTime, SOURCE_KIND_LABELS } from './monitor-labels.ts';

/**
 * The polled sources and their health: interval, last success and error, items found and stored, the mean
 * delay from publication to ingestion, and the next poll. `<SourceTable sources={sources} />`.
 */
export function SourceTable({ sources, onRemoved }: { sources: readonly SourceRecord[]; onRemoved?: () => void }) {
  const [error, setError] = useState('');
  const remove = async (id: string) => {
    try {
      await api.removeSource(id);
      setError('');
      onRemoved?.();
    } catch (failure) {
      setError(failure instanceof ApiError ? `${failure.code}: ${failure.message}` : String(failure));
    }
  };
  if (sources.length === 0)
    return (
      <p class="muted">
        لا مصادر مسجّلة. أضف مصدراً هنا أو بالأمر <span class="code">rasd sources add URL --every 15m</span>.
      </p>
    );
  return (
    <div class="table-scroll">
      <table class="data-table sources-table">
        <thead>
          <tr>
            <th>العنوان</th>
            <th>النوع</th>
            <th>كل</th>
            <th>آخر نجاح</th>
            <th>آخر خطأ</th>
            <th>عناصر وُجدت</th>
            <th>مقالات خُزّنت</th>
            <th>متوسط التأخير</th>
            <th>الاستطلاع التالي</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const link = httpUrl(source.url);
            const health = source.health;
            return (
              <tr
                key={source.id}
                class={`source-row${health.failures > 0 ? ' failing' : ''}`}
                data-source={source.id}
              >
                <td class="source-url" dir="ltr">
                  {source.name && (
                    <div dir="auto" class="source-name">
                      {source.name}
                    </div>
                  )}
                  {link ? (
                    <a href={link} rel="noopener noreferrer" target="_blank">
                      {source.url}
                    </a>
                  ) : (
                    source.url
                  )}
                </td>
                <td>{source.kind ? label(SOURCE_KIND_LABELS, source.kind) : '—'}</td>
                <td>{formatDuration(source.everyMs)}</td>
                <td dir="ltr">{formatTime(health.lastSuccessAt)}</td>
                <td class="source-error">
                  {health.lastErrorAt ? (
                    <>
                      <span dir="ltr">{formatTime(health.lastErrorAt)}</span>
                      {health.lastError && (
                        <div class="muted" dir="auto">
                          {health.lastError}
                        </div>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="items-found">{health.itemsFound}</td>
                <td class="items-ingested">{health.itemsIngested}</td>
                <td>{formatDuration(health.meanDelayMs)}</td>
                <td dir="ltr">{formatTime(source.nextPollAt)}</td>
                <td>
                  <button type="button" class="remove-source" onClick={() => remove(source.id)}>
                    احذف
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p class="status error" role="alert" dir="auto">
          {error}
        </p>
      )}
    </div>
  );
}
