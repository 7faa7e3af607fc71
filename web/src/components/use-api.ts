import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly data: T };

/** Runs `load` whenever `key` changes and keeps only the answer to the latest request. */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) =>
        current &&
        setResult({
          state: 'error',
          error: error instanceof ApiError ? error : new ApiError('E_CLIENT', String(error), 0),
        }),
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` depends on.
  }, [key]);
  return result;
}
