import type { AnalyzedDocumentJson } from '../api/types.ts';
import { percent } from '../components/labels.ts';

/** Whether the given title belongs to the body, said plainly, with the body's own or a suggested headline. */
export function HeadlineCheckPanel({ doc }: { doc: AnalyzedDocumentJson }) {
  const check = doc.annotations.headlineCheck;
  const title = doc.article.title;
  if (!check) {
    return (
      <section class="headline-check unknown">
        <h3>فحص العنوان</h3>
        <p>{title ? 'لم يُفحص العنوان.' : 'لا عنوان لهذا النص.'}</p>
      </section>
    );
  }
  const related = check.verdict === 'related';
  const better = check.bodyHeadline?.text ?? check.suggestedHeadline?.text;
  return (
    <section class={`headline-check ${related ? 'related' : 'unrelated'}`} data-verdict={check.verdict}>
      <h3>فحص العنوان</h3>
      <p class="verdict">
        <strong>{related ? 'العنوان يطابق النص' : 'العنوان لا يطابق النص'}</strong>{' '}
        <span class="score">
          (الدرجة {percent(check.score)}، العتبة {percent(check.method.threshold)})
        </span>
      </p>
      {title && (
        <p>
          العنوان المعطى: <q dir="auto">{title}</q>
        </p>
      )}
      {!related && better && (
        <p>
          {check.bodyHeadline ? 'عنوان النص نفسه' : 'عنوان مقترح'}: <q dir="auto">{better}</q>
        </p>
      )}
      {check.method.note && <p class="note">{check.method.note}</p>}
      {(check.method.matchedTerms.length > 0 || check.method.missingTerms.length > 0) && (
        <p class="terms">
          كلمات موجودة في النص: {check.method.matchedTerms.join('، ') || '—'}؛ غائبة عنه:{' '}
          {check.method.missingTerms.join('، ') || '—'}
        </p>
      )}
    </section>
  );
}
