import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScenario } from '../scenario.ts';
import { createDigaMock, DIGA_FIXTURE, type DigaMockOptions } from './index.ts';

const BASE = 'https://api.diga.io';
const BULK = `${BASE}/v1/project/invitation/send/bulk`;
const SEND = `${BASE}/v1/project/invitation/send`;
const roleUrl = (projectId: string, invitationId: string) => `${BASE}/v1/project/${projectId}/invitation/${invitationId}/role`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GONE_PROJECT = '550e8400-e29b-41d4-a716-446655440000';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mockWith(options: DigaMockOptions = {}) {
  const mock = createDigaMock(options);
  server.use(...mock.handlers);
  return mock;
}

async function call(url: string, init: { method?: string; body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.token !== null) headers['authorization'] = `Bearer ${init.token ?? 'test-key'}`;
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers,
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const unauthorized = { status: 'error', error_code: 'UNAUTHORIZED', message: 'Invalid or missing API key' };

describe('Diga mock: auth', () => {
  it.each([
    ['no Authorization header', null, undefined],
    ['an empty bearer token', '', undefined],
    ['a non-Bearer scheme', null, { authorization: 'Token test-key' }],
  ])('answers 401 for %s', async (_, token, headers) => {
    mockWith();
    const response = await call(BULK, { body: { invitations: [] }, token, ...(headers ? { headers } : {}) });
    expect(response).toMatchObject({ status: 401, body: unauthorized });
  });

  it('checks auth before the body (a bad body without a key is still 401)', async () => {
    mockWith();
    expect((await call(BULK, { raw: 'not json', token: null })).status).toBe(401);
  });

  it('accepts only the listed keys when `keys` is given, case-insensitive scheme', async () => {
    mockWith({ keys: ['k-1'] });
    expect((await call(BULK, { body: { invitations: [] }, token: 'k-2' })).status).toBe(401);
    const ok = await call(BULK, { body: { invitations: [] }, headers: { authorization: 'bearer k-1' }, token: null });
    expect(ok).toMatchObject({ status: 201, body: { successful: [], failed: [] } });
  });

  it("answers 404 PROJECT_NOT_FOUND when the key's project is gone, after body validation", async () => {
    mockWith({ projectKeys: { 'old-key': GONE_PROJECT } });
    expect((await call(BULK, { body: {}, token: 'old-key' })).status).toBe(422);
    const response = await call(BULK, { body: { invitations: [{ email: 'a@b.example' }] }, token: 'old-key' });
    expect(response).toEqual({
      status: 404,
      headers: expect.anything(),
      body: { status: 'error', error_code: 'PROJECT_NOT_FOUND', message: `Project ${GONE_PROJECT} not found` },
    });
  });
});

describe('Diga mock: 422 validation as FastAPI on pydantic v2', () => {
  it('reports a missing email and a bad role, role first as in the schema', async () => {
    mockWith();
    const body = { invitations: [{ email: 'ok@x.example' }, { role: 'owner' }] };
    const response = await call(BULK, { body });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [
        {
          type: 'enum',
          loc: ['body', 'invitations', 1, 'role'],
          msg: "Input should be 'admin', 'member' or 'reader'",
          input: 'owner',
          ctx: { expected: "'admin', 'member' or 'reader'" },
        },
        { type: 'missing', loc: ['body', 'invitations', 1, 'email'], msg: 'Field required', input: { role: 'owner' } },
      ],
    });
  });

  it('reports a missing invitations field with the whole body as input', async () => {
    mockWith();
    const response = await call(BULK, { body: { emails: ['a@b.example'] } });
    expect(response.body).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'invitations'], msg: 'Field required', input: { emails: ['a@b.example'] } }],
    });
  });

  it('reports wrong types: list, object and string', async () => {
    mockWith();
    expect((await call(BULK, { body: { invitations: 'a@b.example' } })).body.detail[0]).toMatchObject({
      type: 'list_type',
      loc: ['body', 'invitations'],
      msg: 'Input should be a valid list',
    });
    const items = await call(BULK, { body: { invitations: ['a@b.example', { email: 42 }] } });
    expect(items.body.detail).toEqual([
      {
        type: 'model_attributes_type',
        loc: ['body', 'invitations', 0],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 'a@b.example',
      },
      { type: 'string_type', loc: ['body', 'invitations', 1, 'email'], msg: 'Input should be a valid string', input: 42 },
    ]);
    expect((await call(BULK, { body: [] })).body.detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
  });

  it('reports a body that is not JSON as json_invalid, and an empty body as missing', async () => {
    mockWith();
    const bad = await call(BULK, { raw: '{"invitations": [' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toHaveLength(1);
    expect(bad.body.detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error', input: {} });
    expect(bad.body.detail[0].loc[0]).toBe('body');
    expect(typeof bad.body.detail[0].loc[1]).toBe('number');
    expect((await call(BULK, { raw: '' })).body).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    });
  });
});

describe('Diga mock: bulk invitations', () => {
  const clock = { now: new Date('2026-03-02T10:20:30.456Z') };
  const options = { now: () => clock.now };

  it('creates invitations in Diga format and refuses per address with the fixed texts', async () => {
    const mock = mockWith(options);
    const body = {
      invitations: [
        { email: 'New.Person@Example.com', role: 'admin' },
        { email: DIGA_FIXTURE.registered.email },
        { email: DIGA_FIXTURE.member.email, role: 'reader' },
        { email: DIGA_FIXTURE.pending.email },
        { email: 'invalid@email' },
        { email: 'new.person@example.com' },
      ],
    };
    const response = await call(BULK, { body });
    expect(response.status).toBe(201);
    const [fresh, registered] = response.body.successful;
    expect(response.body.successful).toHaveLength(2);
    expect(fresh).toEqual({
      id: expect.stringMatching(UUID_V4),
      invited_email: 'new.person@example.com',
      inviter_name: DIGA_FIXTURE.inviterName,
      project_id: DIGA_FIXTURE.projectId,
      project_name: DIGA_FIXTURE.projectName,
      created_at: '2026-03-02T10:20:30Z',
      registered: false,
      invited_profile_id: null,
      expires_at: '2026-03-09T10:20:30Z',
      role: 'admin',
    });
    expect(registered).toMatchObject({
      invited_email: DIGA_FIXTURE.registered.email,
      registered: true,
      invited_profile_id: DIGA_FIXTURE.registered.profileId,
      role: 'member',
    });
    expect(response.body.failed).toEqual([
      { email: DIGA_FIXTURE.member.email, success: false, error: 'User is already a member of this project', invitation: null },
      {
        email: DIGA_FIXTURE.pending.email,
        success: false,
        error: 'Invitation already sent',
        invitation: expect.objectContaining({ id: DIGA_FIXTURE.pending.invitationId, role: 'reader' }),
      },
      { email: 'invalid@email', success: false, error: 'The email invalid@email is not valid', invitation: null },
      // A repeat within the request meets the invitation its first occurrence made.
      { email: 'new.person@example.com', success: false, error: 'Invitation already sent', invitation: fresh },
    ]);
    expect(mock.state().invitations.map((i) => i.invited_email)).toEqual([
      DIGA_FIXTURE.pending.email,
      'new.person@example.com',
      DIGA_FIXTURE.registered.email,
    ]);
  });

  it('answers an empty list with two empty arrays', async () => {
    mockWith();
    expect((await call(BULK, { body: { invitations: [] } })).body).toEqual({ successful: [], failed: [] });
  });

  it('lets a new invitation replace an expired one', async () => {
    const mock = mockWith(options);
    clock.now = new Date('2026-03-02T10:20:30Z');
    mock.reset();
    clock.now = new Date('2026-03-08T10:20:31Z'); // the fixture's invitation (made a day before) is now expired
    const response = await call(BULK, { body: { invitations: [{ email: DIGA_FIXTURE.pending.email }] } });
    expect(response.body.failed).toEqual([]);
    expect(response.body.successful[0]).toMatchObject({ invited_email: DIGA_FIXTURE.pending.email, created_at: '2026-03-08T10:20:31Z' });
    // The new invitation, not the expired one before it, is what a repeat meets.
    const repeat = await call(BULK, { body: { invitations: [{ email: DIGA_FIXTURE.pending.email }] } });
    expect(repeat.body.failed).toEqual([
      { email: DIGA_FIXTURE.pending.email, success: false, error: 'Invitation already sent', invitation: response.body.successful[0] },
    ]);
  });

  it('answers under a proxy prefix, and reset() restores the fixture', async () => {
    const mock = mockWith();
    const proxied = await call('https://app.example.test/api/diga/v1/project/invitation/send/bulk', {
      body: { invitations: [{ email: 'someone@example.net' }] },
    });
    expect(proxied.body.successful).toHaveLength(1);
    expect(mock.state().invitations).toHaveLength(2);
    mock.reset();
    expect(mock.state().invitations).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(mock.state()))).toEqual(mock.state());
  });

  it('refuses the scenario-chosen addresses in `partial` without creating their invitations', async () => {
    const scenario = createScenario({ name: 'partial', partialRate: 0.5, seed: 7 });
    const mock = mockWith({ scenario });
    const emails = Array.from({ length: 12 }, (_, i) => `person${i}@example.net`);
    const refused = emails.filter((e) => scenario.refuses(e));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);
    const response = await call(BULK, { body: { invitations: emails.map((email) => ({ email })) } });
    expect(response.body.failed).toEqual(
      refused.map((email) => ({ email, success: false, error: 'Failed to send invitation email', invitation: null })),
    );
    expect(response.body.successful.map((i: { invited_email: string }) => i.invited_email)).toEqual(
      emails.filter((e) => !scenario.refuses(e)),
    );
    expect(mock.state().invitations).toHaveLength(1 + emails.length - refused.length);
  });
});

describe('Diga mock: sibling endpoints', () => {
  it('sends one invitation, then refuses the repeat, a member and a bad address', async () => {
    mockWith();
    const first = await call(SEND, { body: { email: 'solo@example.net', role: 'reader' } });
    expect(first).toMatchObject({ status: 201, body: { invited_email: 'solo@example.net', role: 'reader', registered: false } });
    expect(await call(SEND, { body: { email: 'solo@example.net' } })).toMatchObject({
      status: 409,
      body: { status: 'error', error_code: 'INVITATION_ALREADY_SENT', message: 'Invitation already sent' },
    });
    expect((await call(SEND, { body: { email: DIGA_FIXTURE.member.email } })).body.error_code).toBe('USER_ALREADY_MEMBER');
    expect(await call(SEND, { body: { email: 'invalid@email' } })).toMatchObject({
      status: 400,
      body: { error_code: 'INVALID_EMAIL', message: 'The email invalid@email is not valid' },
    });
    expect((await call(SEND, { body: { role: 'member' } })).body.detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'email'] });
  });

  it("changes a pending invitation's role", async () => {
    const mock = mockWith();
    const response = await call(roleUrl(DIGA_FIXTURE.projectId, DIGA_FIXTURE.pending.invitationId), {
      method: 'PATCH',
      body: { role: 'admin' },
    });
    expect(response).toMatchObject({ status: 200, body: { id: DIGA_FIXTURE.pending.invitationId, role: 'admin' } });
    expect(mock.state().invitations[0]?.role).toBe('admin');
  });

  it('answers 404 for an unknown invitation or another project, 422 for bad path ids or a missing role', async () => {
    mockWith();
    const missing = '660e8400-e29b-41d4-a716-446655440001';
    expect(await call(roleUrl(DIGA_FIXTURE.projectId, missing), { method: 'PATCH', body: { role: 'admin' } })).toMatchObject({
      status: 404,
      body: { status: 'error', error_code: 'INVITATION_NOT_FOUND', message: `Invitation ${missing} not found` },
    });
    expect(
      (await call(roleUrl(GONE_PROJECT, DIGA_FIXTURE.pending.invitationId), { method: 'PATCH', body: { role: 'admin' } })).body,
    ).toMatchObject({ error_code: 'PROJECT_NOT_FOUND', message: `Project ${GONE_PROJECT} not found` });
    const invalid = await call(roleUrl('nope', DIGA_FIXTURE.pending.invitationId), { method: 'PATCH', body: {} });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc])).toEqual([
      ['uuid_parsing', ['path', 'project_id']],
      ['missing', ['body', 'role']],
    ]);
  });
});
