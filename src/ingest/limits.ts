/**
 * Limits that keep hostile input from exhausting memory, time or the stack. Each has a default sized for
 * news (an article is kilobytes; a crawl is gigabytes) and can be changed with an environment variable, so a
 * long-running monitor can be tuned without a release.
 */
export interface InputLimits {
  /** Longest JSONL line (bytes); a longer record is reported and skipped, the file goes on. */
  readonly maxLineBytes: number;
  /** Largest decompressed size of one gzip stream (a WARC.gz, a .jsonl.gz). */
  readonly maxInflatedBytes: number;
  /** Decompressed ÷ compressed size past which a gzip stream is treated as a bomb… */
  readonly maxExpansionRatio: number;
  /** …once it has produced at least this many bytes (small, very repetitive files compress well legitimately). */
  readonly expansionGraceBytes: number;
  /** Deepest element nesting handed to the DOM; deeper pages are read by a plain text scan instead. */
  readonly maxHtmlDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxLineBytes: envNumber('RASD_MAX_LINE_BYTES', 16 * 1024 * 1024),
  maxInflatedBytes: envNumber('RASD_MAX_INFLATED_BYTES', 8 * 1024 * 1024 * 1024),
  maxExpansionRatio: envNumber('RASD_MAX_EXPANSION_RATIO', 100),
  expansionGraceBytes: envNumber('RASD_EXPANSION_GRACE_BYTES', 8 * 1024 * 1024),
  maxHtmlDepth: envNumber('RASD_MAX_HTML_DEPTH', 512),
};

function envNumber(name: string, fallback: number): number {
  // `process` is absent in a browser; the ingest side runs in Node, but keep the lookup harmless anyway.
  const raw = typeof process === 'undefined' ? undefined : process.env[name];
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
