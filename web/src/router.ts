import { useEffect, useState } from 'preact/hooks';

/** A parsed hash route: `#/actor/actor%3Aputin?from=2023` → `{ parts: ['actor', 'actor:putin'], params }`. */
export interface Route {
  readonly parts: readonly string[];
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => safeDecode(part));
  return { parts, params: new URLSearchParams(query) };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Builds a hash link: `href('actor', 'actor:putin')` → `'#/actor/actor%3Aputin'`. */
export function href(...parts: string[]): string {
  return `#/${parts.map((part) => encodeURIComponent(part)).join('/')}`;
}

/** Adds query parameters (empty values dropped) to a hash link. */
export function withParams(link: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${link}?${text}` : link;
}

export function navigate(link: string): void {
  window.location.hash = link.startsWith('#') ? link.slice(1) : link;
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
