import futureVerbs from '../../../data/lexicon/future-verbs.json' with { type: 'json' };
import type { Event, Token } from '../../core/annotations.ts';
import { baseMayBeKey, baseWord, lookupKeys, MAX_LOOKUP_PREFIX, TailFilter } from './words.ts';

const NEGATORS = new Set(['لم', 'لن', 'لا', 'ما', 'ليس', 'ليست', 'عدم', 'دون', 'بدون', 'غير']);
// Auxiliaries that may stand between a negator and the act: لم يتم توقيع، لم يعد يزور.
const AUXILIARIES = new Set(['يتم', 'تتم', 'تم', 'يكن', 'تكن', 'قد', 'يعد', 'تعد', 'بعد', 'يجر', 'تجر']);

/** True when the trigger at `index` is negated: a negator right before it, auxiliaries aside. Returns the negator's index. */
export function negatorBefore(
  tokens: readonly Token[],
  index: number,
  clauseFirst: number,
): number | undefined {
  for (let i = index - 1; i >= clauseFirst && i >= index - 3; i--) {
    const word = baseWord(tokens[i]!);
    if (NEGATORS.has(word) || NEGATORS.has(tokens[i]!.norm)) return i;
    if (!AUXILIARIES.has(word)) return undefined;
  }
  return undefined;
}

type Modality = Event['modality'];

const MODALITY_WORDS: ReadonlyMap<string, Modality> = new Map<string, Modality>([
  ...[
    'مستعد',
    'مستعده',
    'مستعدون',
    'مستعدين',
    'استعداد',
    'استعداده',
    'استعدادها',
    'استعدادهم',
    'يعتزم',
    'تعتزم',
    'نعتزم',
    'اعتزام',
    'عزم',
    'عزمه',
    'عزمها',
    'ينوي',
    'تنوي',
    'ننوي',
    'نيه',
    'نيته',
    'نيتها',
    'يريد',
    'تريد',
    'نريد',
    'يرغب',
    'ترغب',
    'نرغب',
    'رغبه',
    'رغبته',
    'رغبتها',
    'يسعي',
    'تسعي',
    'نسعي',
    'سعي',
    'يخطط',
    'تخطط',
    'نخطط',
    'خطه',
    'يامل',
    'تامل',
    'نامل',
    'سوف',
    'دعوه',
    'مقرر',
    'مقررا',
    'المقرر',
    'تعهد',
    'يتعهد',
    'تتعهد',
  ].map((w) => [w, 'intent'] as const),
  // Aims and expectations: the act is what someone aims at or expects (بهدف رفع العقوبات، من المتوقع أن يزور).
  ...[
    'بهدف',
    'يهدف',
    'تهدف',
    'لاجل',
    'متوقع',
    'المتوقع',
    'المنتظر',
    'مرتقب',
    'مرتقبه',
    'المرتقب',
    'يتوقع',
    'تتوقع',
    'نتوقع',
  ].map((w) => [w, 'intent'] as const),
  // Getting ready for, wishing and a scheduled future (يتأهب لاقتحام، نتمنى…، سيتم توقيع).
  ...['يتاهب', 'تتاهب', 'يستعد', 'تستعد', 'نتمني', 'يتمني', 'تتمني', 'اتمني', 'سيتم', 'ستتم', 'يرتقب'].map(
    (w) => [w, 'intent'] as const,
  ),
  // A plot, a foiled one, and what an agreement stipulates did not happen (إحباط مخطط لاغتيال، ينص على رفع).
  ...['مخطط', 'مخططا', 'مخططات', 'احباط', 'احبطت', 'احبط', 'مءامره', 'ينص', 'تنص'].map(
    (w) => [w, 'intent'] as const,
  ),
  // Attempts and plans: what was tried or planned is not told as done (حاول الإرهابيون استهداف، التخطيط لعمليات).
  ...[
    'حاول',
    'حاولت',
    'حاولوا',
    'يحاول',
    'تحاول',
    'يحاولون',
    'محاوله',
    'محاولات',
    'محاولته',
    'محاولتهم',
    'تخطيط',
    'التخطيط',
    'خطط',
    'خططت',
    'خططوا',
    'يخططون',
  ].map((w) => [w, 'intent'] as const),
  // In exchange for: the act is a condition (مقابل رفع العقوبات).
  ...['مقابل'].map((w) => [w, 'conditional'] as const),
  ...[
    'تفكر',
    'يفكر',
    'نفكر',
    'يدرس',
    'تدرس',
    'ندرس',
    'دراسه',
    'امكان',
    'امكانيه',
    'احتمال',
    'احتمالات',
    'افاق',
    'محتمل',
    'محتمله',
    'يبحث',
    'تبحث',
    'نبحث',
  ].map((w) => [w, 'considering'] as const),
  // What is possible, not ruled out, or paved the way for is not done (يمكن رفع، لم تستبعد مشاركة، تمهد لرفع).
  ...['يمكن', 'يمكنها', 'يمكنه', 'بامكان', 'تستبعد', 'يستبعد', 'نستبعد', 'استبعد'].map(
    (w) => [w, 'considering'] as const,
  ),
  ...['يمهد', 'تمهد', 'تمهيدا', 'ممهدا', 'ممهده'].map((w) => [w, 'intent'] as const),
  // What is called for, demanded or urged is not done (دعا إلى استئناف المفاوضات، طالب بإطلاق سراح).
  ...[
    'دعا',
    'يدعو',
    'تدعو',
    'دعت',
    'دعوا',
    'ندعو',
    'طالب',
    'يطالب',
    'تطالب',
    'طالبت',
    'طالبوا',
    'يطالبون',
    'نطالب',
    'ناشد',
    'يناشد',
    'ناشدت',
    'تناشد',
    'حث',
    'يحث',
    'حثت',
    'تحث',
    'مطالبا',
    'داعيا',
  ].map((w) => [w, 'intent'] as const),
  // حال and حالة are conditional only after في (في حال توصلهما), checked apart: حالة التضامن is a state.
  ...['اذا', 'لو', 'شرط', 'بشرط', 'شريطه'].map((w) => [w, 'conditional'] as const),
]);

const AHEAD = new Set([
  'قادم',
  'قادمه',
  'مقبل',
  'مقبله',
  'مزمع',
  'مزمعه',
  'منتظر',
  'منتظره',
  'المرتقب',
  'المرتقبه',
  'مرتقب',
  'مرتقبه',
  'المزمع',
  'المزمعه',
  'المقبل',
  'المقبله',
  'القادم',
  'القادمه',
  'المنتظر',
  'المنتظره',
  'المقرر',
  'المقرره',
  'المرتقبين',
]);

const MODALITY_TAILS = new TailFilter(MODALITY_WORDS.keys());
// Verbs with the future prefix, from the corpus (scripts/build-future-verbs.ts).
const FUTURE_VERBS: ReadonlySet<string> = new Set(futureVerbs.words);
// Words after which an earlier verb no longer governs the act (… سيكون بعد مقتل: the killing is past).
const STOPS = new Set(['بعد', 'قبل', 'منذ', 'اثر', 'عقب', 'ان', 'الذي', 'التي', 'الذين']);

/**
 * The modality of the act at `index`: the nearest modal word before it in its clause (مستعد للقاء، تفكر في فرض،
 * إذا توصلت), else a condition after it in the clause (… في حال توصلهما), else a future prefix (سيزور), else asserted.
 */
export function modalityOf(
  tokens: readonly Token[],
  index: number,
  clause: { first: number; end: number },
  future: boolean,
): Modality {
  for (let i = index - 1; i >= clause.first && i >= index - 5; i--) {
    const found = MODALITY_WORDS.get(baseWord(tokens[i]!)) ?? MODALITY_WORDS.get(tokens[i]!.norm);
    if (found !== undefined) return found;
    if (inCaseOf(tokens, i)) return 'conditional';
    // والتخطيط، لمحاولة: the tokenizer may keep a clitic on the word (most words are no modal word, told on letters).
    if (
      !MODALITY_TAILS.mayHaveTail(tokens[i]!.norm, MAX_LOOKUP_PREFIX) &&
      !baseMayBeKey(MODALITY_TAILS, tokens[i]!)
    )
      continue;
    for (const key of lookupKeys(tokens[i]!)) {
      const kept = MODALITY_WORDS.get(key);
      if (kept !== undefined) return kept;
    }
  }
  if (future) return 'intent';
  // ستواصل دعمها، سيمهد لرفع العقوبات: an act a verb in the future governs is still to come.
  for (let i = index - 1; i >= clause.first && i >= index - 4; i--) {
    const word = tokens[i]!.norm;
    // لن تتوانى عن دعم: a pledge, future all the same.
    if (FUTURE_VERBS.has(word) || baseWord(tokens[i]!) === 'لن') return 'intent';
    if (STOPS.has(baseWord(tokens[i]!))) break;
  }
  // لقاؤه المرتقب، الاجتماع المقبل، الزيارة المزمعة: an adjective right after the act puts it ahead.
  // Also past the act's genitive (زيارة موغيريني المرتقبة، الاجتماع الوزاري المقبل).
  for (let i = index + 1; i < clause.end && i <= index + 8; i++) {
    const next = tokens[i]!;
    if (next.type !== 'word') break;
    if (AHEAD.has(baseWord(next))) return 'intent';
  }
  for (let i = index + 1; i < clause.end && i <= index + 12; i++) {
    const word = baseWord(tokens[i]!);
    if (inCaseOf(tokens, i)) return 'conditional';
    if (word === 'اذا' || word === 'شرط' || word === 'بشرط') return 'conditional';
  }
  return 'asserted';
}

/** في حال، في حالة، وفي حال: "in case of". */
function inCaseOf(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.norm;
  if (word === 'بحال' || word === 'وبحال') return true;
  if (word !== 'حال' && word !== 'حاله') return false;
  const before = tokens[i - 1];
  return before !== undefined && baseWord(before) === 'في';
}
