import { useState } from 'preact/hooks';
import { ApiError, api, atomUrl } from '../api/client.ts';
import type { WatchlistView } from '../api/types.ts';
import { AlertList } from '../components/alert-list.tsx';
import { querySummary } from '../components/monitor-labels.ts';
import { SourceForm } from '../components/source-form.tsx';
import { SourceTable } from '../components/source-table.tsx';
import { LoadState } from '../components/status.tsx';
import { useLive } from '../components/use-live.ts';
import { WatchlistForm } from '../components/watchlist-form.tsx';

/** Alerts and source health are refreshed this often while the page is open. */
const REFRESH_MS = 30_000;
const ALERTS_SHOWN = 50;

/**
 * Live monitoring: create and remove watchlists, read the latest alerts (all, or one watchlist's) and check
 * the health of the polled sources. `#/watchlists`; `#/watchlists?name=…&actors=actor:opec` pre-fills the form.
 */
export function WatchlistsPage({ params }: { params: URLSearchParams }) {
  const start = { name: params.get('name') ?? '', actors: params.get('actors') ?? '' };
  const [filter, setFilter] = useState('');
  const [watchlists, reloadWatchlists] = useLive(() => api.watchlists(), 'watchlists', REFRESH_MS);
  const [alerts, reloadAlerts] = useLive(
    () => api.alerts({ limit: ALERTS_SHOWN, ...(filter ? { watchlist: filter } : {}) }),
    `alerts:${filter}`,
    REFRESH_MS,
  );
  const [sources, reloadSources] = useLive(() => api.sources(), 'sources', REFRESH_MS);
  const list = watchlists.state === 'ready' ? watchlists.data.watchlists : [];
  const names = new Map(list.map((w) => [w.id, w.name]));
  return (
    <div class="page watchlists-page">
      <h1>مراقبة</h1>
      <section class="panel">
        <h2>قائمة مراقبة جديدة</h2>
        <WatchlistForm key={`${start.name}|${start.actors}`} start={start} onCreated={reloadWatchlists} />
      </section>

      <section class="panel" id="watchlists">
        <h2>قوائم المراقبة</h2>
        <LoadState result={watchlists}>
          {(data) => (
            <Watchlists
              watchlists={data.watchlists}
              onRemoved={(id) => {
                if (filter === id) setFilter('');
                reloadWatchlists();
                reloadAlerts();
              }}
            />
          )}
        </LoadState>
      </section>

      <section class="panel" id="alerts">
        <h2>أحدث التنبيهات</h2>
        <label class="filter alert-filter">
          القائمة
          <select
            id="alert-filter"
            value={filter}
            onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}
          >
            <option value="">كل القوائم</option>
            {list.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <LoadState result={alerts}>{(data) => <AlertList alerts={data.alerts} names={names} />}</LoadState>
      </section>

      <section class="panel" id="sources">
        <h2>صحة المصادر</h2>
        <SourceForm onAdded={reloadSources} />
        <LoadState result={sources}>{(data) => <SourceTable sources={data.sources} onRemoved={reloadSources} />}</LoadState>
      </section>
    </div>
  );
}

function Watchlists({
  watchlists,
  onRemoved,
}: {
  watchlists: readonly WatchlistView[];
  onRemoved: (id: string) => void;
}) {
  const [error, setError] = useState('');
  if (watchlists.length === 0) return <p class="muted">لا قوائم بعد.</p>;
  const remove = async (id: string) => {
    setError('');
    try {
      await api.removeWatchlist(id);
      onRemoved(id);
    } catch (failure) {
      setError(failure instanceof ApiError ? `${failure.code}: ${failure.message}` : String(failure));
    }
  };
  return (
    <>
      {error && (
        <p class="status error" role="alert" dir="auto">
          {error}
        </p>
      )}
      <ul class="watchlist-list">
        {watchlists.map((watchlist) => (
          <li key={watchlist.id} class="watchlist-item" data-watchlist={watchlist.id}>
            <div class="watchlist-head">
              <strong class="watchlist-name" dir="auto">
                {watchlist.name}
              </strong>
              <a class="atom-link" href={atomUrl(watchlist.id)} type="application/atom+xml">
                Atom
              </a>
              <button
                type="button"
                class="delete-watchlist"
                aria-label={`احذف ${watchlist.name}`}
                onClick={() => void remove(watchlist.id)}
              >
                احذف
              </button>
            </div>
            <div class="watchlist-summary" dir="auto">
              {querySummary(watchlist.query)}
            </div>
            {watchlist.webhook && (
              <div class="muted watchlist-webhook">
                إشعار إلى: <bdi dir="ltr">{watchlist.webhook.url}</bdi>
                {watchlist.webhook.hasSecret ? ' (موقّع)' : ''}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
