import { useState } from 'preact/hooks';
import { ApiError, api, setWriteToken, writeToken } from '../api/client.ts';
import { EVENT_TYPE_LABELS } from './labels.ts';
import { type Draft, EMPTY_DRAFT, watchlistRequest } from './watchlist-request.ts';

/**
 * Creates a watchlist; `onCreated` runs after the server stored it. `start` pre-fills fields (a link from the
 * trends page gives an actor): `<WatchlistForm start={{name: 'أوبك', actors: 'actor:opec'}} onCreated={reload} />`.
 */
export function WatchlistForm({ start, onCreated }: { start?: Partial<Draft>; onCreated: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => ({ ...EMPTY_DRAFT, ...start }));
  const [state, setState] = useState<{ working: boolean; error?: string }>({ working: false });
  const [token, setToken] = useState(writeToken);
  const set = (name: Exclude<keyof Draft, 'eventTypes'>) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value });
  const toggle = (type: string) => (event: Event) => {
    const checked = (event.target as HTMLInputElement).checked;
    const others = draft.eventTypes.filter((t) => t !== type);
    setDraft({ ...draft, eventTypes: checked ? [...others, type] : others });
  };
  const body = watchlistRequest(draft);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (body === undefined) return;
    setState({ working: true });
    try {
      await api.addWatchlist(body);
      setDraft(EMPTY_DRAFT);
      setState({ working: false });
      onCreated();
    } catch (error) {
      const message = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
      setState({ working: false, error: message });
    }
  };
  const field = (
    name: Exclude<keyof Draft, 'eventTypes'>,
    text: string,
    extra: Record<string, string> = {},
  ) => (
    <label class={`watch-field field-${name}`}>
      {text}
      <input type="text" name={name} value={draft[name]} onInput={set(name)} dir="auto" {...extra} />
    </label>
  );
  return (
    <form id="watchlist-form" class="watchlist-form" aria-label="قائمة مراقبة جديدة" onSubmit={submit}>
      {field('name', 'الاسم', { required: 'required' })}
      {field('text', 'النص (كلمات، "عبارات"، بادئة*)')}
      {field('actors', 'الفاعلون (مفصولون بفواصل)')}
      {field('speaker', 'المتحدث')}
      <fieldset class="event-types wide">
        <legend>أنواع الأحداث</legend>
        {Object.entries(EVENT_TYPE_LABELS).map(([type, text]) => (
          <label key={type} class="event-type">
            <input
              type="checkbox"
              name="eventTypes"
              value={type}
              checked={draft.eventTypes.includes(type)}
              onChange={toggle(type)}
            />
            {text}
          </label>
        ))}
      </fieldset>
      {field('eventSource', 'فاعل الحدث (اسم أو رمز بلد مثل KOR)')}
      {field('eventTarget', 'هدف الحدث')}
      {field('source', 'المصدر (اسم المنفذ أو النطاق)')}
      {field('webhookUrl', 'عنوان Webhook (اختياري)', { type: 'url', dir: 'ltr', placeholder: 'https://…' })}
      {field('webhookSecret', 'سر التوقيع (اختياري)', { type: 'password', dir: 'ltr', autocomplete: 'off' })}
      <div class="wide form-actions">
        <button type="submit" disabled={state.working || body === undefined}>
          {state.working ? 'جارٍ الحفظ…' : 'أنشئ قائمة المراقبة'}
        </button>
        {body === undefined && <span class="muted"> اكتب اسماً وشرطاً واحداً على الأقل.</span>}
      </div>
      <label class="watch-field field-token">
        رمز الكتابة (إن طلبه الخادم)
        <input
          type="password"
          name="token"
          autocomplete="off"
          dir="ltr"
          value={token}
          onInput={(event) => {
            const value = (event.target as HTMLInputElement).value;
            setToken(value);
            setWriteToken(value);
          }}
        />
      </label>
      {state.error && (
        <p class="status error wide" role="alert" dir="auto">
          {state.error}
        </p>
      )}
    </form>
  );
}
