import { useEffect, useState } from 'preact/hooks';
import { type ApiError, api } from '../api/client.ts';
import type { QueueStatusResponse } from '../api/types.ts';

// The queue moves while one watches: refresh its figures every few seconds.
const REFRESH_MS = 5000;

type QueueState =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; data: QueueStatusResponse; at: Date };

/** Progress of distributed ingestion: queue depth, workers, totals and the dead-letter list. */
export function QueuePage() {
  const [status, setStatus] = useState<QueueState>({ state: 'loading' });
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api.queue().then(
        (data) => !stopped && setStatus({ state: 'ready', data, at: new Date() }),
        (error: ApiError) =>
          !stopped && setStatus(error.status === 404 ? { state: 'none' } : { state: 'error', error }),
      );
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return (
    <div class="page queue-page">
      <h1>طابور الاستيعاب</h1>
      <QueueBody status={status} />
    </div>
  );
}

function QueueBody({ status }: { status: QueueState }) {
  if (status.state === 'loading') return <p class="status">جارٍ التحميل…</p>;
  if (status.state === 'none')
    return (
      <p class="status">
        لا طابور متصل بهذا الخادم. شغّله بـ <code dir="ltr">rasd serve --queue redis://…</code> لمتابعة العمّال.
      </p>
    );
  if (status.state === 'error')
    return (
      <p class="status error" role="alert">
        تعذّر التحميل. <span class="code">{status.error.code}</span>{' '}
        <span dir="auto">{status.error.message}</span>
      </p>
    );
  const { data } = status;
  const figures: [string, number][] = [
    ['في الانتظار', data.counts.waiting],
    ['قيد التنفيذ', data.counts.active],
    ['مؤجلة', data.counts.delayed],
    ['منجزة', data.counts.completed],
    ['فاشلة نهائياً', data.counts.dead],
    ['العمّال', data.workers],
  ];
  const totals: [string, number][] = [
    ['عناصر', data.totals.items],
    ['جديدة', data.totals.new],
    ['نسخ مطابقة', data.totals.duplicates],
    ['نسخ متقاربة', data.totals.nearDuplicates],
    ['دون تغيير', data.totals.unchanged],
    ['متروكة', data.totals.skipped],
    ['أخطاء', data.totals.failed],
  ];
  return (
    <>
      <p class="muted">
        الطابور <code dir="ltr">{data.queue}</code> · آخر تحديث {status.at.toLocaleTimeString('ar')}
      </p>
      <section class="panel">
        <h2>الحالة</h2>
        <FigureRow figures={figures} />
      </section>
      <section class="panel">
        <h2>ما استُوعب</h2>
        <FigureRow figures={totals} />
      </section>
      <section class="panel">
        <h2>المهام الفاشلة ({data.dead.length})</h2>
        {data.dead.length === 0 ? (
          <p class="muted">لا شيء.</p>
        ) : (
          <ul class="plain-list">
            {data.dead.map((job) => (
              <li key={job.id}>
                <code dir="ltr">{job.name}</code> — <span dir="auto">{job.reason}</span> ({job.attempts}{' '}
                محاولات)
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.recordFailures.length > 0 && (
        <section class="panel">
          <h2>سجلات مرفوضة</h2>
          <ul class="plain-list">
            {data.recordFailures.map((failure) => (
              <li key={`${failure.input}|${failure.reason}`}>
                <code dir="ltr">{failure.input}</code> — <span dir="auto">{failure.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function FigureRow({ figures }: { figures: readonly [string, number][] }) {
  return (
    <dl class="stats">
      {figures.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
