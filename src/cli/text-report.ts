import type { AnalyzedDocument } from '../core/document.ts';
import type { RemovalReason } from '../core/article.ts';

const REASONS: Record<RemovalReason, string> = {
  'ad-shortcode': 'رمز إعلان',
  'source-footer': 'رابط المصدر',
  'read-also': 'اقرأ أيضاً',
  'share-follow': 'مشاركة ومتابعة',
  copyright: 'حقوق النشر',
  'related-links': 'روابط ذات صلة',
  'advertisement-label': 'إعلان',
  navigation: 'روابط التنقل',
  'blank-lines': 'أسطر فارغة',
};

const FORMS = { direct: 'مباشر', indirect: 'غير مباشر', mixed: 'مختلط' } as const;

/** A readable Arabic report of an analyzed document, for `rasd analyze --format text`. */
export function formatTextReport(doc: AnalyzedDocument): string {
  const { article, annotations } = doc;
  const out: string[] = [];
  out.push('رصد — تحليل المقال', `المعرّف: ${article.id}`);
  if (article.source.location !== undefined) out.push(`المصدر: ${article.source.location}`);
  if (article.publishedAt !== undefined) out.push(`تاريخ النشر: ${article.publishedAt}`);
  out.push(`العنوان المعطى: ${article.title ?? '—'}`);
  for (const headline of annotations.headlines) {
    out.push(`عنوان المقال في النص: ${headline.text} [${headline.start}–${headline.end}] (صدى في المتن ${Math.round(headline.echo * 100)}٪)`);
  }
  const check = annotations.headlineCheck;
  if (check !== undefined && article.title !== undefined) {
    const verdict = check.verdict === 'related' ? 'يطابق المتن' : 'لا يطابق المتن';
    out.push(`فحص العنوان: ${verdict} (الدرجة ${check.score.toFixed(2)}، العتبة ${check.method.threshold.toFixed(2)})`);
    if (check.verdict === 'unrelated' && check.suggestedHeadline !== undefined) out.push(`عنوان مقترح: ${check.suggestedHeadline.text}`);
  }
  out.push('', `ما أُزيل من بقايا الجمع (${annotations.boilerplate.length}):`);
  for (const removal of annotations.boilerplate) {
    out.push(`  • ${removal.text} — ${REASONS[removal.reason]} (النص الخام ${removal.raw.start}–${removal.raw.end})`);
  }
  const words = annotations.tokens.filter((t) => t.type === 'word' || t.type === 'latin').length;
  out.push('', `الجمل: ${annotations.sentences.length} — الكلمات: ${words} — الرموز: ${annotations.tokens.length}`);
  if (annotations.entities !== undefined && annotations.mentions !== undefined) {
    out.push('', `الكيانات (${annotations.entities.length}):`);
    for (const entity of annotations.entities) {
      const mentions = annotations.mentions.filter((m) => m.entityId === entity.id).map((m) => m.text);
      const details = [entity.type, entity.country, entity.role].filter((x) => x !== undefined).join('، ');
      out.push(`  • ${entity.name} (${details}): ${[...new Set(mentions)].join('، ')}`);
    }
  }
  if (annotations.quotes !== undefined) {
    out.push('', `الاقتباسات (${annotations.quotes.length}):`);
    const entityNames = new Map((annotations.entities ?? []).map((e) => [e.id, e.name]));
    for (const quote of annotations.quotes) {
      const speaker = quote.speaker;
      const who = speaker === undefined ? '—' : `${speaker.text}${speaker.entityId ? ` = ${entityNames.get(speaker.entityId) ?? speaker.entityId}` : ''}${speaker.anonymous ? ' (مصدر غير مسمى)' : ''}`;
      const context = [
        quote.cue && `الفعل: ${quote.cue.text}`,
        quote.audience && `إلى: ${quote.audience.text}`,
        quote.channel && `عبر: ${quote.channel.text}`,
        quote.relay && `نقلاً عن: ${quote.relay.text}`,
        quote.date && `الوقت: ${quote.date.text}`,
      ].filter(Boolean);
      out.push(`  • [${FORMS[quote.form]}] ${who}: «${quote.text}» [${quote.start}–${quote.end}]`);
      if (context.length > 0) out.push(`      ${context.join(' — ')}`);
    }
  }
  out.push('', 'الجمل:');
  annotations.sentences.forEach((sentence, i) => {
    out.push(`  ${i + 1}. [${sentence.start}–${sentence.end}]${sentence.headlineLike ? ' (سطر عنوان)' : ''} ${sentence.text}`);
  });
  return `${out.join('\n')}\n`;
}
