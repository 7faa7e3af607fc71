/** A running delivery loop: `kick()` starts a round at once (a new alert), `stop()` ends it after the current round. */
export interface DeliveryLoop {
  kick(): void;
  stop(): Promise<void>;
}

/**
 * Runs `round` now and then every `tickMs`, or sooner when kicked, until stopped. A failing round is handed to
 * `onError` and the next one retries: a store hiccup must not end monitoring.
 * `const loop = startDeliveryLoop(() => deliverDue(store, {now: new Date().toISOString()}), 1000); …; await loop.stop()`.
 */
export function startDeliveryLoop(round: () => Promise<unknown>, tickMs: number, onError?: (error: unknown) => void): DeliveryLoop {
  let stopped = false;
  let wake: (() => void) | undefined;
  const running = (async () => {
    while (!stopped) {
      await round().catch((error: unknown) => onError?.(error));
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, tickMs);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  })();
  return {
    kick: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
