import { useEffect, useState } from 'preact/hooks';

export interface RangeFilter {
  from: string;
  to: string;
  actor: string;
}

/** A from/to (and optional actor id) filter form; `onApply` receives the values when submitted. */
export function DateRangeForm({
  value,
  onApply,
  withActor = true,
}: {
  value: RangeFilter;
  onApply: (value: RangeFilter) => void;
  withActor?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const key = `${value.from}|${value.to}|${value.actor}`;
  useEffect(() => setDraft(value), [key]);
  const set = (name: keyof RangeFilter) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value });
  return (
    <form
      class="filters"
      aria-label="نطاق التاريخ"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <label class="filter">
        من
        <input type="date" name="from" value={draft.from} onInput={set('from')} />
      </label>
      <label class="filter">
        إلى
        <input type="date" name="to" value={draft.to} onInput={set('to')} />
      </label>
      {withActor && (
        <label class="filter">
          الفاعل (معرّف)
          <input type="text" name="actor" value={draft.actor} onInput={set('actor')} placeholder="actor:…" dir="ltr" />
        </label>
      )}
      <button type="submit">تطبيق</button>
    </form>
  );
}

/** Reads the range filter from route parameters. */
export function rangeFromParams(params: URLSearchParams): RangeFilter {
  return { from: params.get('from') ?? '', to: params.get('to') ?? '', actor: params.get('actor') ?? '' };
}
