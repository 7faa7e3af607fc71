import { api } from '../api/client.ts';
import type { IntegrityResponse } from '../api/types.ts';
import { label, percent, REMOVAL_LABELS } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href } from '../router.ts';

/** Source profiles, titles that do not match their bodies, duplicate clusters and removed boilerplate. */
export function IntegrityPage() {
  const result = useApi(() => api.integrity({ limit: 50 }), 'integrity');
  return (
    <div class="page integrity-page">
      <h1>النزاهة</h1>
      <LoadState result={result}>{(data) => <Integrity data={data} />}</LoadState>
    </div>
  );
}

function Integrity({ data }: { data: IntegrityResponse }) {
  return (
    <>
      <section>
        <h2>المصادر</h2>
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th>المصدر</th>
                <th>مقالات</th>
                <th>عناوين لا تطابق</th>
                <th>نسخ قريبة</th>
                <th>منشور سابقاً</th>
                <th>حشو لكل مقال</th>
                <th>أكثر الحشو</th>
              </tr>
            </thead>
            <tbody>
              {data.sources.map((source) => (
                <tr key={source.source}>
                  <td dir="auto">{source.source}</td>
                  <td>{source.articles}</td>
                  <td>{percent(source.mismatchedShare)}</td>
                  <td>{percent(source.nearDuplicateShare)}</td>
                  <td>{percent(source.republishedShare)}</td>
                  <td>{source.boilerplatePerArticle.toFixed(1)}</td>
                  <td dir="auto" class="muted">
                    {source.topBoilerplate.map((item) => `${item.text} (${item.count})`).join('، ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h2>عناوين لا تطابق نصوصها ({data.mismatchedHeadlines.length})</h2>
        <ul class="plain-list">
          {data.mismatchedHeadlines.map((item) => (
            <li key={item.articleId}>
              <a href={href('article', item.articleId)} dir="auto">
                {item.title}
              </a>{' '}
              <span class="muted">(الدرجة {percent(item.score)})</span>
              {item.suggested && (
                <div class="muted" dir="auto">
                  المقترح: {item.suggested}
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>مجموعات النسخ ({data.duplicateClusters.length})</h2>
        <ul class="plain-list">
          {data.duplicateClusters.map((cluster) => (
            <li key={cluster.clusterId}>
              <a href={href('article', cluster.articleId)} dir="auto">
                {cluster.title ?? cluster.articleId}
              </a>{' '}
              <span class="muted">
                — {cluster.copies} نسخ{cluster.outlets.length > 0 ? ` في ${cluster.outlets.join('، ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>الحشو المحذوف</h2>
        <ul class="chips">
          {data.boilerplate.map((item) => (
            <li key={item.reason} class="chip">
              {label(REMOVAL_LABELS, item.reason)}: {item.count}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
