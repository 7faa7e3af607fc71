import { useEffect, useState } from 'preact/hooks';
import { lazyComponent } from './components/lazy.tsx';
import { ActorsPage } from './pages/actors-page.tsx';
import { AnalyzePage } from './pages/analyze-page.tsx';
import { ArticlePage } from './pages/article-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { IntegrityPage } from './pages/integrity-page.tsx';
import { QueuePage } from './pages/queue-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { TrendsPage } from './pages/trends-page.tsx';
import { WatchlistsPage } from './pages/watchlists-page.tsx';
import { href, navigate, type Route, useRoute, withParams } from './router.ts';

// Pages drawing with Cytoscape or ECharts load their code when first opened.
const GraphPage = lazyComponent(() => import('./pages/graph-page.tsx').then((module) => module.GraphPage));
const TimelinePage = lazyComponent(() => import('./pages/timeline-page.tsx').then((module) => module.TimelinePage));
const ActorPage = lazyComponent(() => import('./pages/actor-page.tsx').then((module) => module.ActorPage));

const NAV: readonly { route: string; text: string }[] = [
  { route: 'search', text: 'بحث' },
  { route: 'actors', text: 'الفاعلون' },
  { route: 'graph', text: 'الشبكة' },
  { route: 'timeline', text: 'الخط الزمني' },
  { route: 'trends', text: 'الرائج' },
  { route: 'integrity', text: 'النزاهة' },
  { route: 'watchlists', text: 'مراقبة' },
  { route: 'analyze', text: 'تحليل نص' },
  { route: 'queue', text: 'الطابور' },
];

function Page({ route }: { route: Route }) {
  const [name, id] = route.parts;
  switch (name) {
    case undefined:
      return <HomePage />;
    case 'search':
      return <SearchPage params={route.params} />;
    case 'article':
      return id ? <ArticlePage key={id} id={id} /> : <HomePage />;
    case 'actor':
      return id ? <ActorPage key={id} id={id} /> : <ActorsPage params={route.params} />;
    case 'actors':
      return <ActorsPage params={route.params} />;
    case 'graph':
      return <GraphPage params={route.params} />;
    case 'timeline':
      return <TimelinePage params={route.params} />;
    case 'trends':
      return <TrendsPage params={route.params} />;
    case 'integrity':
      return <IntegrityPage />;
    case 'watchlists':
      return <WatchlistsPage params={route.params} />;
    case 'analyze':
      return <AnalyzePage />;
    case 'queue':
      return <QueuePage />;
    default:
      return <p class="status error">صفحة غير معروفة.</p>;
  }
}

function TopBar({ route }: { route: Route }) {
  const current = route.parts[0] === 'search' ? (route.params.get('q') ?? '') : '';
  const [query, setQuery] = useState(current);
  useEffect(() => setQuery(current), [current]);
  return (
    <header class="top-bar">
      <a class="brand" href="#/">
        رصد
      </a>
      <form
        class="top-search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim()) navigate(withParams(href('search'), { q: query.trim() }));
        }}
      >
        <input
          type="search"
          name="q"
          aria-label="ابحث في الأخبار"
          placeholder="ابحث في الأخبار…"
          value={query}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        />
        <button type="submit">بحث</button>
      </form>
      <nav class="main-nav">
        {NAV.map((item) => (
          <a key={item.route} href={href(item.route)} class={route.parts[0] === item.route ? 'active' : ''}>
            {item.text}
          </a>
        ))}
      </nav>
    </header>
  );
}

/** The whole UI: a top bar with search and navigation, and the page the hash names. */
export function App() {
  const route = useRoute();
  useEffect(() => window.scrollTo(0, 0), [route.parts.join('/')]);
  return (
    <>
      <TopBar route={route} />
      <main>
        <Page route={route} />
      </main>
    </>
  );
}
