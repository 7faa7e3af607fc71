/**
 * Counts polls in flight, overall and per host, so a watch loop never runs more than `concurrency` at once
 * nor more than `perHost` against one site (a news site hosting twenty feeds is still one server).
 * `const slots = createSlots(4, 2); if (slots.take('a.com')) { …; slots.release('a.com'); }`.
 */
export function createSlots(concurrency: number, perHost: number) {
  const byHost = new Map<string, number>();
  let total = 0;
  return {
    /** Takes a slot for this host if one is free; false means "try later". */
    take(host: string): boolean {
      const used = byHost.get(host) ?? 0;
      if (total >= concurrency || used >= perHost) return false;
      byHost.set(host, used + 1);
      total++;
      return true;
    },
    release(host: string): void {
      const used = byHost.get(host) ?? 0;
      if (used <= 1) byHost.delete(host);
      else byHost.set(host, used - 1);
      total = Math.max(0, total - 1);
    },
    get inUse(): number {
      return total;
    },
    get full(): boolean {
      return total >= concurrency;
    },
  };
}

/** The host a source URL polls: `hostOf('https://a.com:8080/rss')` → `'a.com:8080'`. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
