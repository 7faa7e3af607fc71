import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client.ts';
import type { AnalyzedDocumentJson } from '../api/types.ts';
import { ReaderView } from '../reader/reader-view.tsx';

type State =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; doc: AnalyzedDocumentJson }
  | { state: 'error'; message: string };

/** Analyzes pasted text on the server without storing it, and shows it in the reader. */
export function AnalyzePage() {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [result, setResult] = useState<State>({ state: 'idle' });
  const submit = async (event: Event) => {
    event.preventDefault();
    if (text.trim() === '') return;
    setResult({ state: 'working' });
    try {
      const doc = await api.analyze({
        text,
        title: title.trim() || undefined,
        publishedAt: publishedAt || undefined,
      });
      setResult({ state: 'done', doc });
    } catch (error) {
      setResult({ state: 'error', message: error instanceof ApiError ? `${error.code}: ${error.message}` : String(error) });
    }
  };
  return (
    <div class="page analyze-page">
      <h1>تحليل نص ملصق</h1>
      <p class="muted">يُحلَّل النص ولا يُحفظ.</p>
      <form class="analyze-form" onSubmit={submit}>
        <label>
          العنوان (اختياري)
          <input type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} dir="auto" />
        </label>
        <label>
          تاريخ النشر (اختياري)
          <input type="date" value={publishedAt} onInput={(e) => setPublishedAt((e.target as HTMLInputElement).value)} />
        </label>
        <label class="wide">
          النص
          <textarea
            rows={10}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            dir="auto"
            placeholder="الصق نص الخبر هنا…"
          />
        </label>
        <button type="submit" disabled={result.state === 'working' || text.trim() === ''}>
          {result.state === 'working' ? 'جارٍ التحليل…' : 'حلّل'}
        </button>
      </form>
      {result.state === 'error' && (
        <p class="status error" role="alert" dir="auto">
          {result.message}
        </p>
      )}
      {result.state === 'done' && <ReaderView doc={result.doc} />}
    </div>
  );
}
