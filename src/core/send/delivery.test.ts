import { describe, expect, it } from 'vitest';
import { InviteError, type AddressOutcome } from '../contract.ts';
import { answered, CONFIRMED_MESSAGE, mayHaveLanded, readFailure, UNCERTAIN_MESSAGE, unanswered } from './delivery.ts';

const sent: AddressOutcome = { email: 'a@x.com', status: 'sent', vendorId: 'v1' };
const invited: AddressOutcome = { email: 'a@x.com', status: 'skipped', code: 'ALREADY_INVITED', message: 'Invitation already sent' };
const member: AddressOutcome = { email: 'a@x.com', status: 'skipped', code: 'ALREADY_MEMBER', message: 'Already a member' };
const refused: AddressOutcome = { email: 'a@x.com', status: 'failed', code: 'VENDOR_REJECTED', message: 'Listed in failedEmails' };
const invalid: AddressOutcome = { email: 'a@x.com', status: 'failed', code: 'INVALID_EMAIL', message: 'not valid' };

describe('answered', () => {
  it('takes the vendor at its word when no earlier request was lost', () => {
    expect(answered(sent, false, false)).toMatchObject({ status: 'sent', vendorId: 'v1' });
    expect(answered(invited, false, false)).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED' });
    expect(answered(refused, false, true)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED', retryable: false });
  });

  it('reads "already invited" after a lost request as sent', () => {
    expect(answered(invited, true, false)).toMatchObject({ status: 'sent', code: 'CONFIRMED_ON_RETRY', message: CONFIRMED_MESSAGE, maybeDelivered: undefined });
  });

  it('reads an unexplained refusal after a lost request as UNCERTAIN, only where refusals are ambiguous', () => {
    expect(answered(refused, true, true)).toMatchObject({ status: 'failed', code: 'UNCERTAIN', message: UNCERTAIN_MESSAGE, retryable: false, maybeDelivered: true });
    expect(answered(refused, true, false)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED' });
    // A refusal with a reason is a refusal, whatever came before.
    expect(answered(invalid, true, true)).toMatchObject({ status: 'failed', code: 'INVALID_EMAIL' });
  });

  it('keeps "already a member" skipped, noting the lost request', () => {
    const changes = answered(member, true, false);
    expect(changes).toMatchObject({ status: 'skipped', code: 'ALREADY_MEMBER' });
    expect(changes.message).toMatch(/^Already a member \(An earlier request got no answer/);
  });

  it('settles the doubt when the retry is plainly sent', () => {
    expect(answered(sent, true, true)).toMatchObject({ status: 'sent', maybeDelivered: undefined });
  });
});

describe('unanswered', () => {
  it('fails with the error code, retryable only for retryable codes, saying when it may have been delivered', () => {
    expect(unanswered({ code: 'SERVER_ERROR', message: 'Boom.' }, true)).toMatchObject({
      status: 'failed',
      code: 'SERVER_ERROR',
      retryable: true,
      maybeDelivered: true,
    });
    expect(unanswered({ code: 'SERVER_ERROR', message: 'Boom.' }, true).message).toMatch(/^Boom\. It may have been delivered/);
    expect(unanswered({ code: 'BAD_REQUEST', message: 'Bad.' }, false)).toEqual({
      status: 'failed',
      code: 'BAD_REQUEST',
      message: 'Bad.',
      vendorId: undefined,
      retryable: false,
      maybeDelivered: undefined,
    });
  });
});

describe('readFailure', () => {
  it('reads an InviteError, with its wait hint', () => {
    expect(readFailure(new InviteError('RATE_LIMITED', 'Slow down', { retryAfterMs: 2000 }))).toEqual({ code: 'RATE_LIMITED', message: 'Slow down', retryAfterMs: 2000 });
  });

  it('reads a look-alike from another copy of the kit by its shape', () => {
    expect(readFailure({ name: 'InviteError', code: 'TIMEOUT', message: '', retryable: true })).toEqual({ code: 'TIMEOUT', message: 'TIMEOUT' });
  });

  it('calls anything else an adapter error', () => {
    expect(readFailure(new RangeError('bad batch'))).toEqual({ code: 'ADAPTER_ERROR', message: 'The adapter failed unexpectedly: bad batch' });
    expect(readFailure({ code: 'WHATEVER' }).code).toBe('ADAPTER_ERROR');
    expect(readFailure('text').message).toMatch(/text/);
  });

  it('knows which failures may have landed', () => {
    expect(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'ABORTED', 'INVALID_RESPONSE', 'ADAPTER_ERROR'].every(mayHaveLanded)).toBe(true);
    expect(['RATE_LIMITED', 'BAD_REQUEST', 'AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'CONNECT_FAILED'].some(mayHaveLanded)).toBe(false);
  });

  it('reads CONNECT_FAILED as its own retryable code, whose final record never says "may have been delivered"', () => {
    const failure = readFailure(new InviteError('CONNECT_FAILED', 'Could not connect.'));
    expect(failure).toEqual({ code: 'CONNECT_FAILED', message: 'Could not connect.' });
    expect(unanswered(failure, mayHaveLanded(failure.code), 5)).toMatchObject({
      status: 'failed',
      code: 'CONNECT_FAILED',
      message: 'Could not connect.',
      retryable: true,
      maybeDelivered: undefined,
    });
  });
});
