import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import type { Loaded } from './use-api.ts';

/**
 * Like `useApi`, but loads again every `everyMs` and on `reload()`, keeping what it shows meanwhile: a live
 * list must not blink to "loading" on each refresh. `const [alerts, reload] = useLive(() => api.alerts({}), '', 30_000)`.
 */
export function useLive<T>(load: () => Promise<T>, key: string, everyMs: number): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => setResult({ state: 'loading' }), [key]);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => {
        if (!current) return;
        const failure = error instanceof ApiError ? error : new ApiError('E_CLIENT', String(error), 0);
        // A failed refresh keeps the last answer on screen; only a first load shows the error.
        setResult((shown) => (shown.state === 'ready' ? shown : { state: 'error', error: failure }));
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` depends on; `tick` asks for a refresh.
  }, [key, tick]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [key, everyMs]);
  return [result, () => setTick((n) => n + 1)];
}
