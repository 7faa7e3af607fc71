import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface RangeFilter {
  from: string;
  to: string;
  actor: string;
}

/** Reads a field's new value into a draft: `set('from')` is an input handler. */
export type FieldSetter<T> = (name: keyof T) => (event: Event) => void;

/**
 * A from/to filter form with more fields after the dates (`extra`, e.g. `actorField`); `onApply` receives the
 * values when submitted. `<DateRangeForm value={range} onApply={go} extra={actorField} />`.
 */
export function DateRangeForm<T extends { from: string; to: string }>({
  value,
  onApply,
  extra,
  id,
  label = 'نطاق التاريخ',
}: {
  value: T;
  onApply: (value: T) => void;
  extra?: (draft: T, set: FieldSetter<T>) => ComponentChildren;
  id?: string;
  label?: string;
}) {
  const [draft, setDraft] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => setDraft(value), [key]);
  const set: FieldSetter<T> = (name) => (event) =>
    setDraft({ ...draft, [name]: (event.target as HTMLInputElement | HTMLSelectElement).value });
  return (
    <form
      {...(id ? { id } : {})}
      class="filters"
      aria-label={label}
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
      {extra?.(draft, set)}
      <button type="submit">تطبيق</button>
    </form>
  );
}

/** The actor id field of the graph and timeline filters. */
export function actorField(draft: RangeFilter, set: FieldSetter<RangeFilter>) {
  return (
    <label class="filter">
      الفاعل (معرّف)
      <input type="text" name="actor" value={draft.actor} onInput={set('actor')} placeholder="actor:…" dir="ltr" />
    </label>
  );
}

/** Reads the range filter from route parameters. */
export function rangeFromParams(params: URLSearchParams): RangeFilter {
  return { from: params.get('from') ?? '', to: params.get('to') ?? '', actor: params.get('actor') ?? '' };
}
