import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client.ts';

const INTERVALS = ['5m', '15m', '30m', '1h', '6h', '1d'];

/**
 * Adds a feed or sitemap to poll (or changes the interval of one already there); `onAdded` runs once the
 * server stored it. `<SourceForm onAdded={reload} />`.
 */
export function SourceForm({ onAdded }: { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [every, setEvery] = useState('15m');
  const [state, setState] = useState<{ working: boolean; error?: string }>({ working: false });
  const submit = async (event: Event) => {
    event.preventDefault();
    setState({ working: true });
    try {
      await api.addSource({ url: url.trim(), every });
      setUrl('');
      setState({ working: false });
      onAdded();
    } catch (error) {
      setState({ working: false, error: error instanceof ApiError ? `${error.code}: ${error.message}` : String(error) });
    }
  };
  return (
    <form id="source-form" class="source-form" aria-label="مصدر جديد" onSubmit={submit}>
      <label class="watch-field">
        عنوان الخلاصة أو خريطة الموقع
        <input
          type="url"
          name="url"
          required
          dir="ltr"
          placeholder="https://…/rss"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="watch-field">
        كل
        <select name="every" value={every} onChange={(e) => setEvery((e.target as HTMLSelectElement).value)}>
          {INTERVALS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={state.working || !/^https?:\/\//i.test(url.trim())}>
        أضف المصدر
      </button>
      {state.error && (
        <p class="status error" role="alert" dir="auto">
          {state.error}
        </p>
      )}
    </form>
  );
}
