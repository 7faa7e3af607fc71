import { RasdError } from '../core/errors.ts';

/** A positive whole number from an option, or a usage error naming the option. `positive('--concurrency', '2')` → 2. */
export function positive(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RasdError('E_USAGE', `${option} must be a positive whole number, not ${JSON.stringify(value)}`);
  return n;
}

/** The `--queue` URL: the option, else `$RASD_QUEUE`; a usage error when neither is given. */
export function queueUrl(option: string | undefined): string {
  const url = option ?? process.env.RASD_QUEUE;
  if (url === undefined) throw new RasdError('E_USAGE', 'give the queue with --queue redis://HOST:PORT (or $RASD_QUEUE)');
  return url;
}
