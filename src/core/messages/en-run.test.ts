/**
 * The English table covers every code a run produces (each address's outcome, why one was left pending,
 * why a run stopped, what it refused or waits for), and words each from its parameters alone. The samples
 * are typed by key, so a code added without a sample fails to compile.
 */
import { describe, expect, it } from 'vitest';
import { INVITE_ERROR_CODES, RESULT_CODES } from '../send/result-codes.ts';
import { en } from './en.ts';
import { formatMessage } from './format.ts';
import type { MessageParams, RunMessageKey } from './types.ts';

const MAYBE = 'It may have been delivered anyway: the request got no clear answer. Retrying is safe where the vendor reports repeats as already invited.';

/** Parameters for each key, one per reason where a code has several, and the English they give. */
const SAMPLES: { [K in RunMessageKey]: Array<[MessageParams[K], string]> } = {
  'outcome.ALREADY_MEMBER': [
    [{}, 'Already a member.'],
    [{ afterLostRequest: true }, 'Already a member. An earlier request got no answer; it may be what made this address a member.'],
  ],
  'outcome.ALREADY_INVITED': [
    [{}, 'Already invited: an invitation is pending.'],
    [{ memberOrInvited: true }, 'Already a member or already invited: the vendor leaves both out of its answer without saying which.'],
  ],
  'outcome.INVALID_EMAIL': [
    [{}, 'The vendor refused this address as not valid.'],
    [{ vendorMessage: 'The email a@b is not valid' }, 'The vendor refused this address as not valid: "The email a@b is not valid".'],
  ],
  'outcome.ROLE_NOT_ALLOWED': [
    [{ role: 'owner', roles: ['admin', 'member', 'reader'] }, 'The vendor does not accept the role "owner"; choose one of: admin, member, reader.'],
    [{ role: 'Boss', roles: ['Member'], vendorMessage: 'No such role' }, 'The vendor does not accept the role "Boss": "No such role"; choose one of: Member.'],
  ],
  'outcome.TARGET_NOT_FOUND': [
    [{}, 'The vendor found no such project, site or website to invite this address to.'],
    [{ vendorMessage: 'website w1: Website not found' }, 'The vendor found no such project, site or website to invite this address to: "website w1: Website not found".'],
  ],
  'outcome.LIMIT_REACHED': [
    [{}, "The vendor's limit of members, seats or invitations is reached."],
    [{ vendorMessage: 'Seat limit' }, `The vendor's limit of members, seats or invitations is reached: "Seat limit".`],
  ],
  'outcome.VENDOR_REJECTED': [
    [{ reason: 'SAID', vendorMessage: 'Failed to send invitation email' }, 'The vendor refused this address: "Failed to send invitation email".'],
    [{ reason: 'NO_REASON' }, 'The vendor refused this address without giving a reason (it may be malformed, already a member or invited, or over a limit).'],
    [{ reason: 'NOT_IN_ANSWER' }, "The vendor's answer did not mention this address; it is not known to be invited."],
  ],
  'outcome.AUTH_FAILED': [
    [{}, 'The vendor refused the credentials.'],
    [{ status: 401, vendorMessage: 'Invalid or missing API key' }, 'The vendor refused the credentials (HTTP 401): "Invalid or missing API key".'],
    [
      { unsendable: { problem: 'LINE_BREAK' } },
      'The API key cannot be sent: it holds a line break, which an HTTP header cannot carry (a key read from a file with a trailing line, or pasted with extra characters?). Nothing was sent.',
    ],
  ],
  'outcome.FORBIDDEN': [[{ status: 403, vendorMessage: 'Missing scope' }, 'The credentials lack the permission or plan for this (HTTP 403): "Missing scope".']],
  'outcome.NOT_FOUND': [[{ status: 404, vendorMessage: 'Project p1 not found' }, 'The vendor found no such project, site or website (HTTP 404): "Project p1 not found".']],
  'outcome.BAD_REQUEST': [
    [{ status: 422, vendorMessage: 'body.email: Field required' }, 'The vendor refused the request as invalid (HTTP 422): "body.email: Field required".'],
    [{ detail: 'A Wix request carries one policy set; this batch mixes 2.' }, 'The vendor refused the request as invalid (A Wix request carries one policy set; this batch mixes 2.).'],
    [
      { unsendable: { header: 'wix-site-id', problem: 'CONTROL_CHARACTER' } },
      'The wix-site-id header cannot be sent: its value holds a control character. Nothing was sent.',
    ],
    [
      { unsendable: { problem: 'NON_ASCII' } },
      'The API key header cannot be sent: its value holds a character outside printable ASCII (a non-breaking space, a curly quote or an accented letter, say). Nothing was sent.',
    ],
  ],
  'outcome.RATE_LIMITED': [
    [{ status: 429, attempts: 5 }, "The vendor's rate limit refused the request (HTTP 429). Gave up after 5 attempts."],
    [{ status: 429, retryAfterMs: 600_000 }, "The vendor's rate limit refused the request (HTTP 429); it asked to wait 10 min."],
    [{ retryAfterMs: 1500 }, "The vendor's rate limit refused the request; it asked to wait 2 s."],
  ],
  'outcome.SERVER_ERROR': [
    [{ status: 502, vendorMessage: '<h1>Bad gateway</h1>', attempts: 5, maybeDelivered: true }, `The vendor's server failed (HTTP 502): "<h1>Bad gateway</h1>". Gave up after 5 attempts. ${MAYBE}`],
  ],
  'outcome.NETWORK_ERROR': [
    [{ detail: 'other side closed', attempts: 3, maybeDelivered: true }, `The request failed without an answer (other side closed). Gave up after 3 attempts. ${MAYBE}`],
    [{}, 'The request failed without an answer.'],
  ],
  'outcome.CONNECT_FAILED': [
    [
      { origin: 'https://api.diga.io', systemCode: 'ENOTFOUND', attempts: 5 },
      'Could not connect to https://api.diga.io (ENOTFOUND: no such host); the request was not sent. Gave up after 5 attempts.',
    ],
    [{ origin: 'http://10.0.0.1', systemCode: 'ECONNRESET_SOMEHOW' }, 'Could not connect to http://10.0.0.1 (ECONNRESET_SOMEHOW); the request was not sent.'],
    [{}, 'Could not connect; the request was not sent.'],
  ],
  'outcome.TIMEOUT': [
    [{ timeoutMs: 30_000, maybeDelivered: true }, `The request got no answer within 30 s. ${MAYBE}`],
    [{ maybeDelivered: true }, `The request timed out before the server answered. ${MAYBE}`],
  ],
  'outcome.ABORTED': [[{ maybeDelivered: true }, `The request was cancelled. ${MAYBE}`]],
  'outcome.INVALID_RESPONSE': [
    [{ status: 201 }, "The vendor's answer (HTTP 201) is not in the form its documentation gives."],
    [{ status: 200, detail: '1 results for 2 websites', maybeDelivered: true }, `The vendor's answer (HTTP 200) is not in the form its documentation gives (1 results for 2 websites). ${MAYBE}`],
  ],
  'outcome.CONFIRMED_ON_RETRY': [
    [{}, 'Invited: the vendor now reports this address as already invited, most likely by an earlier request of this run whose answer was lost.'],
  ],
  'outcome.UNCERTAIN': [
    [
      {},
      'May have been delivered: an earlier request got no answer, and the vendor now refuses this address without saying why (possibly because it is ' +
        'already invited). Check the pending invitations in the vendor before inviting it again.',
    ],
  ],
  'outcome.ADAPTER_ERROR': [
    [{ reason: 'THREW', detail: 'x is not a function' }, 'The adapter failed unexpectedly: x is not a function'],
    [{ reason: 'WRONG_COUNT', expected: 3, got: 2 }, 'The adapter returned 2 outcomes for 3 invitees.'],
    [{ reason: 'WRONG_COUNT', expected: 1, maybeDelivered: true }, `The adapter returned no outcome list for 1 invitees. ${MAYBE}`],
  ],

  'pending.ABORTED': [
    [{}, 'Not sent: the run was cancelled.'],
    [
      { maybeDelivered: true },
      'Not confirmed: the run was cancelled while its request was out, so it may have been delivered; check the vendor before sending it again.',
    ],
  ],
  'pending.AUTH_FAILED': [[{}, 'Not sent: the run stopped because the vendor refused the credentials.']],
  'pending.FORBIDDEN': [[{}, 'Not sent: the run stopped because the credentials lack the permission or plan.']],
  'pending.NOT_FOUND': [[{}, 'Not sent: the run stopped because the vendor found no such project, site or website.']],
  'pending.BAD_REQUEST': [[{}, 'Not sent: the run stopped because the vendor refused a request as invalid.']],
  'pending.RATE_LIMITED': [[{}, "Not sent: the run stopped because the vendor's rate limit refused a request."]],
  'pending.SERVER_ERROR': [[{}, "Not sent: the run stopped because the vendor's server failed."]],
  'pending.NETWORK_ERROR': [[{}, 'Not sent: the run stopped because a request failed without an answer.']],
  'pending.CONNECT_FAILED': [[{}, 'Not sent: the run stopped because the vendor could not be reached.']],
  'pending.TIMEOUT': [
    [
      { maybeDelivered: true },
      'Not confirmed: the run stopped because a request got no answer in time while its request was out, so it may have been delivered; check the vendor before sending it again.',
    ],
  ],
  'pending.INVALID_RESPONSE': [[{}, "Not sent: the run stopped because the vendor's answer was not in the documented form."]],

  'runStop.AUTH_FAILED': [[{ status: 401, vendorMessage: 'Invalid token' }, 'The vendor refused the credentials (HTTP 401): "Invalid token".']],
  'runStop.FORBIDDEN': [[{ status: 403 }, 'The credentials lack the permission or plan for this (HTTP 403).']],
  'runStop.NOT_FOUND': [[{ status: 404, vendorMessage: 'Site not found' }, 'The vendor found no such project, site or website (HTTP 404): "Site not found".']],
  'runStop.BAD_REQUEST': [[{ status: 400 }, 'The vendor refused the request as invalid (HTTP 400).']],
  'runStop.RATE_LIMITED': [[{ status: 429 }, "The vendor's rate limit refused the request (HTTP 429)."]],
  'runStop.SERVER_ERROR': [[{ status: 500 }, "The vendor's server failed (HTTP 500)."]],
  'runStop.NETWORK_ERROR': [[{ detail: 'fetch failed' }, 'The request failed without an answer (fetch failed).']],
  'runStop.CONNECT_FAILED': [
    [
      { requests: 3, origin: 'http://127.0.0.1:4010', systemCode: 'ECONNREFUSED' },
      'The first 3 requests could not connect to http://127.0.0.1:4010 (ECONNREFUSED: connection refused); nothing was sent.',
    ],
    [{ requests: 1 }, 'The first request could not connect; nothing was sent.'],
    [{ origin: 'https://x.io' }, 'Could not connect to https://x.io; the request was not sent.'],
  ],
  'runStop.TIMEOUT': [[{ timeoutMs: 150_000 }, 'The request got no answer within 3 min.']],
  'runStop.ABORTED': [[{}, 'The request was cancelled.']],
  'runStop.INVALID_RESPONSE': [[{ status: 200 }, "The vendor's answer (HTTP 200) is not in the form its documentation gives."]],

  'runError.RUN_ACTIVE': [[{}, 'This run is already sending; wait for it to finish (or cancel it) before sending again.']],
  'runWait.RATE_LIMITED': [
    [{ seconds: 12 }, 'Paused by the rate limit — resuming in 12 s'],
    [{ seconds: 1 }, 'Paused by the rate limit — resuming in 1 s'],
  ],
  'export.NOT_IN_RUN': [[{}, 'This row was valid but was not part of the send.']],
};

const RUN_KEYS = [
  ...RESULT_CODES.map((code) => `outcome.${code}` as const),
  ...INVITE_ERROR_CODES.map((code) => `pending.${code}` as const),
  ...INVITE_ERROR_CODES.map((code) => `runStop.${code}` as const),
  'runError.RUN_ACTIVE',
  'runWait.RATE_LIMITED',
  'export.NOT_IN_RUN',
] as const;

describe('the English table, for sending', () => {
  it.each(RUN_KEYS)('has an entry and a sample for %s', (key) => {
    expect(en[key]).toBeTypeOf('function');
    expect(SAMPLES[key]?.length).toBeGreaterThan(0);
  });

  it('has no run entry for a code the run does not produce', () => {
    const runEntries = Object.keys(en).filter((key) => /^(outcome|pending|runStop|runError|runWait|export)\./.test(key));
    expect(runEntries.sort()).toEqual([...RUN_KEYS].sort());
  });

  const cases = (Object.entries(SAMPLES) as Array<[RunMessageKey, Array<[never, string]>]>).flatMap(([key, samples]) =>
    samples.map(([params, english]) => [key, params as object, english] as const),
  );
  it.each(cases)('%s %o → %s', (key, params, english) => {
    expect(formatMessage(key, params as never)).toBe(english);
    expect(english).not.toMatch(/undefined|\[object|NaN|\.\.$/);
  });

  it('keeps parameters as data: every sample survives a JSON round trip unchanged (a saved run, a worker)', () => {
    for (const [key, params, english] of cases) expect(formatMessage(key, JSON.parse(JSON.stringify(params)) as never)).toBe(english);
  });
});
