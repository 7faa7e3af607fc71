/** Cleaning: scraper leftovers out, headline candidates found. */
export { type CleanResult, cleanRawText } from './clean.ts';
export { contentKey, findHeadlineCandidates } from './headline.ts';
export { LINE_RULES, SHORTCODE } from './rules.ts';
