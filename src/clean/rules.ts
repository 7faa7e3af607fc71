import type { RemovalReason } from '../core/article.ts';

/**
 * What scrapers and CMSs leave in article text. Line rules match a whole (trimmed) line, tested on its
 * normalized form (see text/normalize: أ/إ→ا, ة→ه, ى→ي, no diacritics, lowercase Latin), so spelling
 * variants of the same footer are caught once.
 */
export interface LineRule {
  readonly reason: RemovalReason;
  readonly pattern: RegExp;
  /** Longest line, in words, the rule may remove: real sentences that merely start alike are longer. */
  readonly maxWords: number;
  /** The line only announces what follows (اقرأ أيضا:): the next short line goes with it. */
  readonly takesNextLine?: boolean;
}

const PLATFORMS = '(فيسبوك|فيس بوك|تويتر|تلغرام|تليغرام|تلجرام|يوتيوب|انستغرام|انستجرام|واتساب|واتس اب|لينكد ان|تيك توك|سناب شات|جوجل نيوز|غوغل نيوز|facebook|twitter|telegram|youtube|instagram|whatsapp|linkedin|tiktok|snapchat|google news|x)';

export const LINE_RULES: readonly LineRule[] = [
  {
    reason: 'source-footer',
    pattern: /^(source link|source|original source|via|رابط المصدر|المصدر|مصدر الخبر|رابط الخبر|الرابط الاصلي|رابط دائم)\s*[:：]?\s*$/,
    maxWords: 4,
  },
  { reason: 'source-footer', pattern: /^(المصدر|source|مصدر الخبر)\s*[:：]\s*\S/, maxWords: 6 },
  {
    reason: 'read-also',
    pattern: /^(اقرا|طالع|شاهد|اقرئي)\s+(ايضا|ايضاً|كذلك|المزيد)\s*[:：.]?\s*$|^(read more|read also|see also|also read)\s*[:：]?\s*$/,
    maxWords: 4,
    takesNextLine: true,
  },
  {
    reason: 'read-also',
    pattern: /^(اقرا|طالع|شاهد|اقرئي)\s+(ايضا|ايضاً|كذلك|المزيد)\s*[:：.-]|^(read more|read also|see also|also read)\s*[:：-]|^(للمزيد|لمزيد من التفاصيل)\s.*(اضغط|اقرا|انقر|هنا)|^(اضغط|انقر) هنا/,
    maxWords: 30,
  },
  {
    reason: 'related-links',
    pattern: /^(مواضيع|اخبار|مقالات|موضوعات|قصص)\s+(ذات صله|متعلقه|مشابهه|قد تهمك)\s*[:：]?\s*$|^(related (posts|articles|news|stories)|you may also like)\s*[:：]?\s*$/,
    maxWords: 5,
  },
  {
    reason: 'share-follow',
    pattern: new RegExp(
      String.raw`(تابعونا|تابعوا|تابعنا|اشترك|اشتركوا|حمل|حملوا|انضم|انضموا|شارك|شاركوا|شاركها|follow|subscribe|join|share|download).*${PLATFORMS}|^(شارك|شاركها|شارك هذا (المقال|الخبر)|share|share this|share this article|tweet|طباعه|print)\s*[:：]?\s*$`,
    ),
    maxWords: 20,
  },
  { reason: 'share-follow', pattern: new RegExp(String.raw`^(${PLATFORMS}[\s,،|/•·-]*){2,}$`), maxWords: 12 },
  {
    reason: 'copyright',
    pattern: /^(©|\(c\)|copyright|حقوق (النشر|الطبع))|جميع الحقوق محفوظه|كل الحقوق محفوظه|الحقوق محفوظه ل|all rights reserved/,
    maxWords: 25,
  },
  { reason: 'advertisement-label', pattern: /^(advertisement|sponsored|اعلان|إعلان|محتوي مدفوع|محتوى مدفوع)\s*$/, maxWords: 2 },
];

/**
 * Ad and widget shortcodes of WordPress-style CMSs left in scraped text: [ad_1], [adsforwp id="12"],
 * [/caption]. Names are Latin; bracketed Arabic text and numeric references ([1]) are left alone.
 */
export const SHORTCODE = /\[\/?(?:ad|ads|adsense|adsforwp|adinserter|advert|advertisement|banner|sponsor|embed|caption|gallery|video|audio|playlist|tweet|instagram|youtube|facebook|related|wpforms|contact-form-7|button|shortcode|td_[a-z_]+|vc_[a-z_]+|et_pb_[a-z_]+|su_[a-z_]+|[a-z]+_\d+)(?:[\s_-][^\]\n]{0,200})?\]/gi;

/**
 * A "link to the story" footer glued to the end of the last paragraph, as some outlets append it:
 * "… رابط الخبر بصحيفة الوئام: عنوان الخبر". Only ever applied to the last line of the text.
 */
export const TRAILING_FOOTER =
  /(?:^|\s)(?:رابط الخبر|رابط المصدر|مصدر الخبر|Source link)(?:\s+ب?(?:صحيفة|موقع|جريدة)\s+[^\s:：]+(?:\s+[^\s:：]+)?)?\s*[:：](?:\s*\S[^\n]{0,250})?$/u;

/** Slider and pager labels scraped into a line: "Next Previous عين اليوم – واس" (two or more in a row). */
export const LEADING_NAVIGATION = /^(?:(?:next|previous|prev|السابق|التالي)\s+){2,}/i;
