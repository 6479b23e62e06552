import { describe, expect, it } from 'vitest';
import { InviteError, type AddressOutcome } from '../contract.ts';
import { answered, CONFIRMED_MESSAGE, mayHaveLanded, readFailure, UNCERTAIN_MESSAGE, unanswered } from './delivery.ts';

const sent: AddressOutcome = { email: 'a@x.com', status: 'sent', vendorId: 'v1' };
const invited: AddressOutcome = { email: 'a@x.com', status: 'skipped', code: 'ALREADY_INVITED', vendorMessage: 'Invitation already sent' };
const member: AddressOutcome = { email: 'a@x.com', status: 'skipped', code: 'ALREADY_MEMBER', vendorMessage: 'Already a member' };
const refused: AddressOutcome = { email: 'a@x.com', status: 'failed', code: 'VENDOR_REJECTED' };
const invalid: AddressOutcome = { email: 'a@x.com', status: 'failed', code: 'INVALID_EMAIL', vendorMessage: 'not valid' };

describe('answered', () => {
  it('takes the vendor at its word when no earlier request was lost', () => {
    expect(answered(sent, false, false)).toMatchObject({ status: 'sent', vendorId: 'v1', code: undefined, params: undefined, message: undefined });
    expect(answered(invited, false, false)).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED' });
    expect(answered(refused, false, true)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED', retryable: false });
  });

  it('reads "already invited" after a lost request as sent', () => {
    expect(answered(invited, true, false)).toMatchObject({ status: 'sent', code: 'CONFIRMED_ON_RETRY', params: {}, message: CONFIRMED_MESSAGE, maybeDelivered: undefined });
  });

  it('reads an unexplained refusal after a lost request as UNCERTAIN, only where refusals are ambiguous', () => {
    expect(answered(refused, true, true)).toMatchObject({ status: 'failed', code: 'UNCERTAIN', params: {}, message: UNCERTAIN_MESSAGE, retryable: false, maybeDelivered: true });
    expect(answered(refused, true, false)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED' });
    // A refusal with a reason is a refusal, whatever came before.
    expect(answered(invalid, true, true)).toMatchObject({ status: 'failed', code: 'INVALID_EMAIL' });
  });

  it('keeps "already a member" skipped, noting the lost request', () => {
    const changes = answered(member, true, false);
    expect(changes).toMatchObject({ status: 'skipped', code: 'ALREADY_MEMBER', params: { afterLostRequest: true }, vendorMessage: 'Already a member' });
    expect(changes.message).toBe('Already a member. An earlier request got no answer; it may be what made this address a member.');
  });

  it('settles the doubt when the retry is plainly sent', () => {
    expect(answered(sent, true, true)).toMatchObject({ status: 'sent', maybeDelivered: undefined });
  });

  it("words every answer from the table, keeping the vendor's words verbatim in vendorMessage", () => {
    expect(answered(invited, false, false)).toMatchObject({
      code: 'ALREADY_INVITED',
      params: {},
      message: 'Already invited: an invitation is pending.',
      vendorMessage: 'Invitation already sent',
    });
    // The vendor's words are the only reason given: the sentence quotes them, as a parameter.
    const html = '<img src=x onerror=alert(1)> taken';
    expect(answered({ ...refused, vendorMessage: html }, false, false)).toMatchObject({
      params: { reason: 'SAID', vendorMessage: html },
      message: `The vendor refused this address: "${html}".`,
      vendorMessage: html,
    });
    expect(answered(refused, false, false)).toMatchObject({ params: { reason: 'NO_REASON' }, vendorMessage: undefined });
    expect(answered({ ...refused, notInAnswer: true }, false, false).message).toBe(
      "The vendor's answer did not mention this address; it is not known to be invited.",
    );
    expect(answered(invalid, false, false).message).toBe('The vendor refused this address as not valid: "not valid".');
    expect(answered({ email: 'a@x.com', status: 'skipped', code: 'ALREADY_INVITED', notInAnswer: true }, false, false)).toMatchObject({
      params: { memberOrInvited: true },
      message: 'Already a member or already invited: the vendor leaves both out of its answer without saying which.',
    });
  });

  it('words a refused role from the role asked for and the adapter’s roles', () => {
    const changes = answered({ email: 'a@x.com', status: 'failed', code: 'ROLE_NOT_ALLOWED' }, false, false, 5, 'owner', ['admin', 'member']);
    expect(changes).toMatchObject({ code: 'ROLE_NOT_ALLOWED', params: { role: 'owner', roles: ['admin', 'member'] }, finishedAt: 5 });
    expect(changes.message).toBe('The vendor does not accept the role "owner"; choose one of: admin, member.');
  });

  it('gives a code to a refusal or a skip that came without one', () => {
    expect(answered({ email: 'a@x.com', status: 'failed' }, false, false)).toMatchObject({ code: 'VENDOR_REJECTED', params: { reason: 'NO_REASON' } });
    expect(answered({ email: 'a@x.com', status: 'skipped' }, false, false)).toMatchObject({ code: 'ALREADY_INVITED', params: { memberOrInvited: true } });
  });
});

describe('unanswered', () => {
  it('fails with the error code, retryable only for retryable codes, saying when it may have been delivered', () => {
    const failure = readFailure(new InviteError('SERVER_ERROR', 'Boom.', { status: 503, vendorMessage: 'Service Unavailable' }));
    expect(unanswered(failure, true)).toMatchObject({
      status: 'failed',
      code: 'SERVER_ERROR',
      params: { status: 503, vendorMessage: 'Service Unavailable', maybeDelivered: true },
      vendorMessage: 'Service Unavailable',
      retryable: true,
      maybeDelivered: true,
    });
    expect(unanswered(failure, true).message).toBe(
      `The vendor's server failed (HTTP 503): "Service Unavailable". It may have been delivered anyway: the request got no clear answer. ` +
        'Retrying is safe where the vendor reports repeats as already invited.',
    );
    expect(unanswered({ code: 'BAD_REQUEST', params: {} }, false)).toEqual({
      status: 'failed',
      code: 'BAD_REQUEST',
      params: {},
      message: 'The vendor refused the request as invalid.',
      vendorMessage: undefined,
      vendorId: undefined,
      retryable: false,
      maybeDelivered: undefined,
      finishedAt: undefined,
    });
  });

  it('says when retrying was given up, and how long a rate limit asked to wait', () => {
    expect(unanswered({ code: 'SERVER_ERROR', params: { status: 502 } }, false, 1, 5).message).toBe(
      "The vendor's server failed (HTTP 502). Gave up after 5 attempts.",
    );
    // A refusal is not given up on: it is not retried at all.
    expect(unanswered({ code: 'BAD_REQUEST', params: {} }, false, 1, 2).params).toEqual({});
    expect(unanswered({ code: 'RATE_LIMITED', params: { status: 429 }, retryAfterMs: 600_000 }, false, 1, 1)).toMatchObject({
      params: { status: 429, retryAfterMs: 600_000 },
      message: "The vendor's rate limit refused the request (HTTP 429); it asked to wait 10 min.",
    });
  });
});

describe('readFailure', () => {
  it('reads an InviteError: its facts, never its developer message, and its wait hint', () => {
    expect(readFailure(new InviteError('RATE_LIMITED', 'Slow down', { retryAfterMs: 2000 }))).toEqual({ code: 'RATE_LIMITED', params: {}, retryAfterMs: 2000 });
    expect(
      readFailure(
        new InviteError('CONNECT_FAILED', 'Could not connect.', { origin: 'https://x.io', systemCode: 'ECONNREFUSED', vendorCode: 'ignored', detail: '' }),
      ),
    ).toEqual({ code: 'CONNECT_FAILED', params: { origin: 'https://x.io', systemCode: 'ECONNREFUSED' } });
    expect(readFailure(new InviteError('AUTH_FAILED', 'x', { unsendable: { problem: 'LINE_BREAK' } })).params).toEqual({ unsendable: { problem: 'LINE_BREAK' } });
  });

  it('reads a look-alike from another copy of the kit by its shape, checking each fact', () => {
    expect(readFailure({ name: 'InviteError', code: 'TIMEOUT', message: '', retryable: true })).toEqual({ code: 'TIMEOUT', params: {} });
    expect(readFailure({ code: 'SERVER_ERROR', status: '500', vendorMessage: 42, unsendable: { problem: 'NOPE' } })).toEqual({ code: 'SERVER_ERROR', params: {} });
  });

  it('calls anything else an adapter error, keeping its text as the detail', () => {
    expect(readFailure(new RangeError('bad batch'))).toEqual({ code: 'ADAPTER_ERROR', params: { reason: 'THREW', detail: 'bad batch' } });
    expect(readFailure({ code: 'WHATEVER' }).code).toBe('ADAPTER_ERROR');
    expect(unanswered(readFailure('text'), false).message).toBe('The adapter failed unexpectedly: text');
  });

  it('knows which failures may have landed', () => {
    expect(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'ABORTED', 'INVALID_RESPONSE', 'ADAPTER_ERROR'].every(mayHaveLanded)).toBe(true);
    expect(['RATE_LIMITED', 'BAD_REQUEST', 'AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'CONNECT_FAILED'].some(mayHaveLanded)).toBe(false);
  });

  it('reads CONNECT_FAILED as its own retryable code, whose final record never says "may have been delivered"', () => {
    const failure = readFailure(new InviteError('CONNECT_FAILED', 'Could not connect.', { origin: 'http://127.0.0.1:9', systemCode: 'ECONNREFUSED' }));
    expect(unanswered(failure, mayHaveLanded(failure.code), 5)).toMatchObject({
      status: 'failed',
      code: 'CONNECT_FAILED',
      message: 'Could not connect to http://127.0.0.1:9 (ECONNREFUSED: connection refused); the request was not sent.',
      retryable: true,
      maybeDelivered: undefined,
    });
  });
});
