/** Parameters are typed per key: a table entry and a `formatMessage` call see the params of their code. */
import { expectTypeOf, test } from 'vitest';
import { IntakeError } from '../intake/errors.ts';
import type { RowWarning } from '../intake/warnings.ts';
import { formatMessage } from './format.ts';
import type { MessageOverrides } from './types.ts';

test('formatMessage takes the params of its key', () => {
  formatMessage('row.DUPLICATE', { email: 'ann@x.io', line: 12 });
  formatMessage('row.INVALID_EMAIL', { value: 'ann lee@x.io', reason: 'SPACE', word: 'lee' });
  // @ts-expect-error the line is missing
  formatMessage('row.DUPLICATE', { email: 'ann@x.io' });
  // @ts-expect-error a SPACE reason names its word
  formatMessage('row.INVALID_EMAIL', { value: 'ann lee@x.io', reason: 'SPACE' });
  // @ts-expect-error numbers stay numbers
  formatMessage('row.TOO_MANY_ROWS', { limit: '100' });
  // @ts-expect-error no such key
  formatMessage('row.NOPE', {});
});

test("a host's table entry receives its key's params", () => {
  const de: MessageOverrides = {
    'row.MULTIPLE_EMAILS': (params) => {
      expectTypeOf(params).toEqualTypeOf<{ count: number; emails: readonly string[] }>();
      return `${params.count}`;
    },
  };
  void de;
});

test('IntakeError and warnings pair each code with its params', () => {
  new IntakeError('TOO_LARGE', { size: 2, limit: 1, unit: 'bytes' });
  // @ts-expect-error TOO_LARGE has no kind
  new IntakeError('TOO_LARGE', { kind: 'PNG' });
  const warning = {} as RowWarning;
  if (warning.code === 'INVALID_BYTES') expectTypeOf(warning.params).toEqualTypeOf<{ line: number }>();
});

test("a run's keys take their code's params too", () => {
  formatMessage('outcome.VENDOR_REJECTED', { reason: 'SAID', vendorMessage: 'Refused' });
  formatMessage('outcome.SERVER_ERROR', { status: 503, attempts: 5, maybeDelivered: true });
  formatMessage('runStop.CONNECT_FAILED', { requests: 3, origin: 'https://x.io' });
  formatMessage('pending.ABORTED', { maybeDelivered: true });
  // @ts-expect-error a vendor's words are a SAID refusal's, never a NO_REASON one's
  formatMessage('outcome.VENDOR_REJECTED', { reason: 'NO_REASON', vendorMessage: 'x' });
  // @ts-expect-error a refused role names the role and the roles
  formatMessage('outcome.ROLE_NOT_ALLOWED', { role: 'owner' });
  // @ts-expect-error only the unreachable stop counts requests
  formatMessage('runStop.AUTH_FAILED', { requests: 3 });
  // @ts-expect-error the wait is in seconds, a number
  formatMessage('runWait.RATE_LIMITED', { seconds: '12' });
});
