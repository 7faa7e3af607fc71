/** A lemma spec the morphology index cannot use; `code` is stable, the message names the lemma. */
export class MorphError extends Error {
  constructor(
    readonly code: 'MORPH_BAD_LEMMA',
    readonly lemma: string,
    detail: string,
  ) {
    super(`${code}: lemma ${JSON.stringify(lemma)}: ${detail}`);
    this.name = 'MorphError';
  }
}
