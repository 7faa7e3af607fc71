import type { Token } from '../../../core/annotations.ts';

// Titles followed by باسم "in the name of": المتحدث باسم الكرملين، الناطقة باسم الجيش، ممثل باسم…
const SPEAKS_FOR = /(متحدث|متحدثه|ناطق|ناطقه|ممثل|ممثله|متحدثون|متحدثين)$/;

/**
 * True when token i is باسم after a spokesperson's title: the preposition phrase "in the name of", never the
 * first name Basem. `isSpeaksFor(tokenize('المتحدث باسم الكرملين'), 1)` → true.
 */
export function isSpeaksFor(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.norm === 'باسم' && SPEAKS_FOR.test(tokens[i - 1]?.norm ?? '');
}
