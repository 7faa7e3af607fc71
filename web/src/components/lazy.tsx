import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use, so the graph and chart libraries stay out of the first page load.
 * `const GraphPage = lazyComponent(() => import('./graph-page.tsx').then((m) => m.GraphPage))`.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      load().then(
        (component) => {
          loaded = component;
          setComponent(() => component);
        },
        () => setFailed(true),
      );
    }, [Component]);
    if (failed) return <p class="status error">تعذّر تحميل الصفحة.</p>;
    return Component ? <Component {...props} /> : <p class="status">جارٍ التحميل…</p>;
  };
}
