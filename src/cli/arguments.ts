/** Parsers for the CLI's option values: each throws commander's InvalidArgumentError (a usage error, exit 1). */
import { InvalidArgumentError } from 'commander';
import { MAX_TIMER_MS } from '../core/send/clock.ts';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new InvalidArgumentError('expected a positive number.');
  return n;
}

export function seconds(value: string): number {
  const n = Number(value);
  if (!(value.trim() !== '' && Number.isFinite(n) && n >= 0)) throw new InvalidArgumentError('expected a number of seconds (0 for none).');
  return n;
}

/** The longest per-request deadline: what one timer can hold (2^31-1 ms, about 24.8 days). */
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** A per-request deadline in seconds: 0 for none, else from 1 ms to what a timer can hold. */
export function timeoutSeconds(value: string): number {
  const n = seconds(value);
  if (n > MAX_TIMEOUT_SECONDS) {
    throw new InvalidArgumentError(`expected at most ${MAX_TIMEOUT_SECONDS.toLocaleString('en-US')} seconds (about 24 days; 0 for no deadline).`);
  }
  if (n > 0 && n < 0.001) throw new InvalidArgumentError('expected at least 0.001 seconds (0 for no deadline).');
  return n;
}

/** Most requests in flight at once: no vendor API wants more from one client. */
export const MAX_CONCURRENCY = 100;

export function concurrency(value: string): number {
  const n = positiveInt(value);
  if (n > MAX_CONCURRENCY) throw new InvalidArgumentError(`expected at most ${MAX_CONCURRENCY} requests at once.`);
  return n;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size in bytes: `5000000`, `500KB`, `200MB`, `1GB` (binary units: 1 MB = 1,048,576 bytes). */
export function byteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!(Number.isSafeInteger(bytes) && bytes > 0)) throw new InvalidArgumentError('expected a size such as 50000000, 500KB, 200MB or 1GB.');
  return bytes;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected a URL such as http://127.0.0.1:4010.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http:// or https:// URL.');
  // fetch refuses such URLs, and the URL shows in messages: the key belongs in the --key-env variable.
  if (url.username || url.password) throw new InvalidArgumentError('expected a URL without user:password@ (the key goes in the variable --key-env names).');
  return value.replace(/\/+$/, '');
}

/** A column given as a 1-based number (as people count columns) or a header name. */
export function column(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) - 1 : value;
}

export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one).');
  return n;
}

export function seed(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}
