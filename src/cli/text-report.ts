import type { AnalyzedDocument } from '../core/document.ts';
import type { Event, EventActor } from '../core/annotations.ts';
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
      const name = entity.arabicName === undefined ? entity.name : `${entity.arabicName} — ${entity.name}`;
      out.push(`  • ${name} (${details}): ${[...new Set(mentions)].join('، ')}`);
    }
  }
  if (annotations.quotes !== undefined) {
    out.push('', `الاقتباسات (${annotations.quotes.length}):`);
    const entityNames = new Map((annotations.entities ?? []).map((e) => [e.id, e.arabicName ?? e.name]));
    for (const quote of annotations.quotes) {
      const speaker = quote.speaker;
      const who = speaker === undefined ? '—' : `${speaker.text}${speaker.entityId ? sameAs(speaker.text, entityNames.get(speaker.entityId) ?? speaker.entityId) : ''}${speaker.anonymous ? ' (مصدر غير مسمى)' : ''}`;
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
  if (annotations.times !== undefined) {
    out.push('', `التواريخ (${annotations.times.length}):`);
    for (const time of annotations.times) out.push(`  • ${time.text} → ${time.value ?? time.relative ?? '—'} [${time.start}–${time.end}]`);
  }
  if (annotations.events !== undefined) {
    out.push('', `الأحداث (${annotations.events.length}):`);
    for (const event of annotations.events) out.push(`  • ${eventLine(event)}`);
  }
  out.push('', 'الجمل:');
  annotations.sentences.forEach((sentence, i) => {
    out.push(`  ${i + 1}. [${sentence.start}–${sentence.end}]${sentence.headlineLike ? ' (سطر عنوان)' : ''} ${sentence.text}`);
  });
  return `${out.join('\n')}\n`;
}

const MODALITIES = { asserted: '', intent: 'نية', considering: 'قيد الدرس', conditional: 'مشروط', denied: 'نفي' } as const;

/** ` = canonical name`, unless the words as written already are it. */
const sameAs = (written: string, canonical: string): string => (canonical === written ? '' : ` = ${canonical}`);

const actorLabel = (actor: EventActor | undefined): string =>
  actor === undefined ? '—' : `${actor.text}${actor.name !== undefined ? sameAs(actor.text, actor.arabicName ?? actor.name) : ''}${actor.country !== undefined ? ` (${actor.country})` : ''}`;

/** One event: type/mode and CAMEO code, who → whom, trigger words, attributes. */
function eventLine(event: Event): string {
  const attributes = [
    event.negated ? 'منفي' : '',
    MODALITIES[event.modality],
    event.location && `في: ${event.location.text}`,
    event.time && `الوقت: ${event.time.text}${event.time.value !== undefined ? ` (${event.time.value})` : ''}`,
    event.quoteIndex !== undefined ? `في الاقتباس ${event.quoteIndex + 1}` : '',
    `الثقة ${event.confidence.toFixed(2)}`,
  ].filter(Boolean);
  const type = `${event.type}${event.mode !== undefined ? `/${event.mode}` : ''} (CAMEO ${event.cameo ?? '—'})`;
  const actors = `الفاعل: ${actorLabel(event.source)}؛ الطرف الآخر: ${actorLabel(event.target)}`;
  return `${type} «${event.trigger.text}» [${event.trigger.start}–${event.trigger.end}] — ${actors} — ${attributes.join('، ')}`;
}
