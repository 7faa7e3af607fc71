import type { Sentence, Token } from '../../core/annotations.ts';
import { baseMayBeKey, baseWord, hasLookupKey, MAX_LOOKUP_PREFIX, TailFilter } from './words.ts';

/**
 * What a sentence is about, where that changes what its words mean: scripture quoted in a sermon (قال تعالى،
 * صلى الله عليه وسلم) reports no event; a match report's "hosting", "meeting" and "attack" are football; a road
 * accident's dead were killed by no one.
 */
export interface SentenceContext {
  readonly scripture: boolean;
  readonly sport: boolean;
  readonly accident: boolean;
  /** It tells of violence: a weapon, an attack, a clash, the killed (أصاب is then an injury, not an illness). */
  readonly violence: boolean;
}

// Words news uses only of God or the Prophet, or only of sport, or only of accidents and disasters.
const SCRIPTURE = new Set(['تعالي', 'سبحانه', 'ﷺ', 'رواه', 'اخرجه']);
const SPORT = new Set([
  'مباراه',
  'المباراه',
  'مباريات',
  'المباريات',
  'الدوري',
  'دوري',
  'بطوله',
  'البطوله',
  'ملعب',
  'الملعب',
  'الشوط',
  'لاعب',
  'اللاعب',
  'لاعبي',
  'لاعبين',
  'اللاعبين',
  'المدرب',
  'مدرب',
  'المنتخب',
  'منتخب',
  'نادي',
  'النادي',
  'هدفا',
  'التعادل',
]);
const ACCIDENT = new Set([
  'حادث',
  'الحادث',
  'حوادث',
  'مروري',
  'المروري',
  'اصطدام',
  'تصادم',
  'غرق',
  'الغرق',
  'حريق',
  'الحريق',
  'سيول',
  'السيول',
  'زلزال',
  'الزلزال',
  'انهيار',
  'صعق',
  'اختناق',
  'تسمم',
  'فيضانات',
  'الفيضانات',
  'عاصفه',
  'الامطار',
]);

// Words of violence, without article or clitics (the lookup strips them).
const VIOLENCE = new Set([
  'هجوم',
  'هجمات',
  'انفجار',
  'تفجير',
  'تفجيرات',
  'قصف',
  'غاره',
  'غارات',
  'رصاص',
  'رصاصه',
  'نار',
  'النار',
  'طلق',
  'طلقات',
  'ناري',
  'قذيفه',
  'قذائف',
  'صاروخ',
  'صواريخ',
  'عبوه',
  'ناسفه',
  'مفخخه',
  'اشتباك',
  'اشتباكات',
  'مسلح',
  'مسلحون',
  'مسلحين',
  'مسلحا',
  'اعتداء',
  'طعن',
  'طعنات',
  'سكين',
  'ارهابي',
  'ارهابيه',
  'ارهابيون',
  'انتحاري',
  'قناص',
  'قنص',
  'معارك',
  'معركه',
  'مواجهات',
  'هاون',
  'لغم',
  'الغام',
  'شظايا',
  'قتل',
  'مقتل',
  'قتلي',
  'قتيل',
  'استشهاد',
  'شهيد',
  'شهداء',
  'الاحتلال',
  'جنود',
  'قوات',
  'ضرب',
  'ضربه',
  'ضربات',
  'عصابه',
  'مليشيات',
  'ميليشيات',
  'حوثي',
  'الحوثيين',
  'داعش',
  'مداهمه',
  'كمين',
  'هجوما',
  'قاوم',
  'مقاومه',
  'عراك',
  'شجار',
  'مشاجره',
  'اعتدي',
  'مقذوف',
  'مقذوفات',
  'مقذوفه',
  'عسكري',
  'عسكريه',
  'قنبله',
  'قنابل',
  'متفجرات',
  'سلاح',
  'اسلحه',
  'بندقيه',
  'رشاش',
  'دهس',
]);

const VIOLENCE_WORDS = new TailFilter(VIOLENCE);
const SPORT_WORDS = new TailFilter(SPORT);
const SPORT_MIN = Math.min(...[...SPORT].map((w) => w.length));
const SPORT_MAX = Math.max(...[...SPORT].map((w) => w.length));
// Every word sentenceContext looks for as a base word.
const CONTEXT_WORDS = new TailFilter([...SCRIPTURE, ...SPORT, ...ACCIDENT, 'وسلم', 'عليه', 'رضي', 'عز']);

/** False when no lookup key of the token (its base, its tails past a clitic) can be a word of violence. */
const mayBeViolence = (token: Token): boolean =>
  VIOLENCE_WORDS.mayHaveTail(token.norm, MAX_LOOKUP_PREFIX) || baseMayBeKey(VIOLENCE_WORDS, token);

const nextWord = (tokens: readonly Token[], i: number): string =>
  tokens[i + 1] === undefined ? '' : baseWord(tokens[i + 1]!);

export function sentenceContext(tokens: readonly Token[], sentence: Sentence): SentenceContext {
  let scripture = false;
  let sport = false;
  let accident = false;
  let violence = false;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const token = tokens[i]!;
    if (token.text === '﴿' || token.text === '﴾' || token.text.startsWith('((')) scripture = true;
    if (token.type !== 'word') continue;
    if (!violence && mayBeViolence(token) && hasLookupKey(token, VIOLENCE)) violence = true;
    // Most words are none of the words below: told on their letters, without making the base word.
    if (token.norm !== 'وسلم' && !baseMayBeKey(CONTEXT_WORDS, token)) continue;
    const word = baseWord(token);
    if (SCRIPTURE.has(word)) scripture = true;
    else if (SPORT.has(word)) sport = true;
    else if (ACCIDENT.has(word)) accident = true;
    // صلى الله عليه وسلم، عليه السلام، رضي الله عنه، عز وجل: said only of God, the prophets and the companions.
    else if ((token.norm === 'وسلم' || word === 'وسلم') && baseWord(tokens[i - 1] ?? token) === 'عليه')
      scripture = true;
    else if (word === 'عليه' && (nextWord(tokens, i) === 'السلام' || nextWord(tokens, i) === 'الصلاه'))
      scripture = true;
    else if (word === 'رضي' && nextWord(tokens, i) === 'الله') scripture = true;
    else if (word === 'عز' && (nextWord(tokens, i) === 'وجل' || tokens[i + 1]?.norm === 'وجل'))
      scripture = true;
  }
  return { scripture, sport, accident, violence };
}

/**
 * Whether the document is a sports report: sport words in several sentences (a match report's «لقاء» with a
 * national team, its «هجوم» and «انسحاب», are football even in a sentence with no sport word of its own).
 */
export function isSportReport(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  known: readonly (SentenceContext | undefined)[] = [],
): boolean {
  let withSport = 0;
  for (const [k, sentence] of sentences.entries()) {
    // A sentence whose context was read says already whether it has a sport word (its sport flag is just that).
    const context = known[k];
    if (context !== undefined) {
      if (context.sport && ++withSport >= 3) return true;
      continue;
    }
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const token = tokens[i]!;
      if (
        token.type === 'word' &&
        // A whole word is its own base: one of a length no sport word has is none (most words are short).
        (token.parts !== undefined || (token.norm.length >= SPORT_MIN && token.norm.length <= SPORT_MAX)) &&
        baseMayBeKey(SPORT_WORDS, token) &&
        SPORT.has(baseWord(token))
      ) {
        withSport++;
        break;
      }
    }
    if (withSport >= 3) return true;
  }
  return false;
}
