import { api } from '../api/client.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href } from '../router.ts';

const STAT_LABELS: Record<string, string> = {
  articles: 'مقالات',
  sightings: 'مواضع نشر',
  analyses: 'تحليلات',
  entities: 'كيانات',
  quotes: 'اقتباسات',
  events: 'أحداث',
};

/** What the store holds, and where to go from here. */
export function HomePage() {
  const result = useApi(() => api.stats(), 'stats');
  return (
    <div class="page home-page">
      <h1>رصد</h1>
      <p>تحليل الأخبار العربية: من قال ماذا، لمن، ومتى — وكل نتيجة تشير إلى موضعها في النص.</p>
      <LoadState result={result}>
        {(stats) => (
          <dl class="stats">
            {Object.entries(stats).map(([key, value]) => (
              <div key={key}>
                <dt>{STAT_LABELS[key] ?? key}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </LoadState>
      <ul class="home-links">
        <li>
          <a href={href('graph')}>شبكة الفاعلين</a>
        </li>
        <li>
          <a href={href('timeline')}>الخط الزمني</a>
        </li>
        <li>
          <a href={href('trends')}>القصص الرائجة والفاعلون الصاعدون</a>
        </li>
        <li>
          <a href={href('watchlists')}>المراقبة والتنبيهات</a>
        </li>
        <li>
          <a href={href('integrity')}>النزاهة</a>
        </li>
        <li>
          <a href={href('analyze')}>تحليل نص ملصق</a>
        </li>
      </ul>
    </div>
  );
}
