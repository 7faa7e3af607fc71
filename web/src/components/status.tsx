import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-api.ts';

/** Shows a loading line or the API's error, else renders `children` with the data. */
export function LoadState<T>({
  result,
  children,
}: {
  result: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (result.state === 'loading') return <p class="status">جارٍ التحميل…</p>;
  if (result.state === 'error') {
    const notFound = result.error.status === 404;
    return (
      <p class="status error" role="alert">
        {notFound ? 'غير موجود.' : 'تعذّر التحميل.'} <span class="code">{result.error.code}</span>{' '}
        <span dir="auto">{result.error.message}</span>
      </p>
    );
  }
  return <>{children(result.data)}</>;
}
