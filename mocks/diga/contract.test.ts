/**
 * Contract tests: every response the Diga mock produces is validated against the schemas of Diga's
 * published OpenAPI document (mocks/diga/openapi.yaml, copied from the seed), with ajv's draft 2020-12
 * validator, the dialect OpenAPI 3.1 uses. The doc's own example request is replayed as well.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createScenario, type ScenarioConfig } from '../scenario.ts';
import { createDigaMock, DIGA_FIXTURE, type DigaMockOptions } from './index.ts';
import { BulkInvitationCreateSchema, InvitationCreateSchema } from './schemas.ts';

interface OpenApiDoc {
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string }; example?: unknown }> }> }>>;
}
const doc = parse(readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8')) as OpenApiDoc;
const BULK_PATH = '/v1/project/invitation/send/bulk';
const bulkResponses = doc.paths[BULK_PATH]!['post']!.responses;

/** Every object schema closed, except pydantic's error item, which also carries `input` and `ctx`. */
function closed(schemas: OpenApiDoc['components']['schemas']) {
  const copy = structuredClone(schemas);
  for (const [name, schema] of Object.entries(copy)) {
    if (schema['type'] === 'object' && name !== 'ValidationError') schema['additionalProperties'] = false;
  }
  return copy;
}

function validatorFor(schemas: OpenApiDoc['components']['schemas']) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword('components'); // the document's container key, not a JSON Schema keyword
  ajv.addSchema({ $id: 'https://api.diga.io/openapi.json', components: { schemas } });
  return (ref: string) => ajv.getSchema(`https://api.diga.io/openapi.json${ref}`)!;
}
const published = validatorFor(doc.components.schemas);
const exact = validatorFor(closed(doc.components.schemas));
const ref = (name: string) => `#/components/schemas/${name}`;

/** The published schema for a status of the bulk endpoint; other errors use the doc's "standard error response format for all API errors". */
function bulkSchemaRef(status: number): string {
  return bulkResponses[String(status)]?.content['application/json']?.schema.$ref ?? ref('ErrorResponseSchema');
}

function expectConforms(schemaRef: string, body: unknown) {
  for (const validate of [published(schemaRef), exact(schemaRef)]) {
    const valid = validate(body);
    expect(validate.errors ?? [], `${schemaRef}: ${JSON.stringify(body)}`).toEqual([]);
    expect(valid).toBe(true);
  }
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mockWith(options: DigaMockOptions = {}) {
  const mock = createDigaMock(options);
  server.use(...mock.handlers);
  return mock;
}
const scenario = (config: ScenarioConfig) => ({ scenario: createScenario(config) });

async function post(path: string, body: string | unknown, method = 'POST', token = 'k') {
  const response = await fetch(`https://api.diga.io${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}
/** Posts to the bulk endpoint and checks the answer against the doc's schema for its status. */
async function bulk(body: string | unknown, token?: string) {
  const response = await post(BULK_PATH, body, 'POST', token);
  expectConforms(bulkSchemaRef(response.status), response.body);
  return response;
}

describe('the validator itself', () => {
  it("accepts the doc's own sample 201 body and rejects a broken one", () => {
    const sample = {
      successful: [
        {
          id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
          invited_email: '<string>',
          project_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
          project_name: '<string>',
          created_at: '2023-11-07T05:31:56Z',
          registered: true,
          expires_at: '2023-11-07T05:31:56Z',
          role: 'admin',
          inviter_name: '<string>',
          invited_profile_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
        },
      ],
      failed: [],
    };
    expectConforms(bulkSchemaRef(201), sample);
    const validate = published(bulkSchemaRef(201));
    expect(validate({ ...sample, successful: [{ ...sample.successful[0], id: 'not-a-uuid', role: 'owner' }] })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual(['/successful/0/id', '/successful/0/role']);
    expect(exact(bulkSchemaRef(201))({ ...sample, extra: true })).toBe(false);
  });
});

describe('Diga mock responses conform to the published OpenAPI schemas', () => {
  it('201: new, registered, repeated, member, pending and invalid addresses', async () => {
    mockWith();
    const response = await bulk({
      invitations: [
        { email: 'new@example.net', role: 'reader' },
        { email: DIGA_FIXTURE.registered.email, role: 'admin' },
        { email: 'new@example.net' },
        { email: DIGA_FIXTURE.member.email },
        { email: DIGA_FIXTURE.pending.email },
        { email: 'The email invalid@email' },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ successful: { length: 2 }, failed: { length: 4 } });
  });

  it('201: an empty list, and the partial scenario', async () => {
    mockWith(scenario({ name: 'partial', partialRate: 0.5 }));
    expect((await bulk({ invitations: [] })).body).toEqual({ successful: [], failed: [] });
    const emails = Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@example.net` }));
    const response = await bulk({ invitations: emails });
    expect((response.body as { failed: unknown[] }).failed.length).toBeGreaterThan(0);
  });

  it('404: the key selects a project that is gone (the doc example form)', async () => {
    const gone = '550e8400-e29b-41d4-a716-446655440000';
    mockWith({ projectKeys: { old: gone } });
    const response = await bulk({ invitations: [{ email: 'a@example.net' }] }, 'old');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(bulkResponses['404']!.content['application/json']!.example);
  });

  it.each([
    ['missing invitations', {}],
    ['bad role and missing email', { invitations: [{ role: 'owner' }, { email: 'x@example.net', role: null }] }],
    ['wrong types', { invitations: [7, { email: 1 }] }],
    ['a list instead of an object', []],
    ['not JSON', '{"invitations": [}'],
    ['an empty body', ''],
  ])('422: %s', async (_, body) => {
    mockWith();
    expect((await bulk(body)).status).toBe(422);
  });

  it('500 (the doc example, verbatim) and 503 from the flaky scenario', async () => {
    mockWith(scenario({ name: 'flaky', failureRate: 1, seed: 3 }));
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const response = await bulk({ invitations: [] });
      statuses.add(response.status);
      if (response.status === 500) expect(response.body).toEqual(bulkResponses['500']!.content['application/json']!.example);
    }
    expect([...statuses].sort()).toEqual([500, 503]);
  });

  it('401 (bad key, expired auth) and 429 use the standard error envelope', async () => {
    mockWith({ keys: ['good'], ...scenario({ name: 'auth-expired', authExpiresAfter: 1 }) });
    expect((await bulk({ invitations: [] }, 'wrong')).status).toBe(401);
    expect((await bulk({ invitations: [] }, 'good')).status).toBe(401);
    server.resetHandlers();
    mockWith(scenario({ name: 'rate-limited', rateLimit: { limit: 1, windowMs: 60_000 } }));
    expect((await bulk({ invitations: [] })).status).toBe(201);
    const limited = await bulk({ invitations: [] });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('siblings: single send and role update answer InvitationResponseSchema or the error envelope', async () => {
    mockWith();
    const sent = await post('/v1/project/invitation/send', { email: 'one@example.net', role: 'member' });
    expect(sent.status).toBe(201);
    expectConforms(ref('InvitationResponseSchema'), sent.body);
    for (const email of ['one@example.net', DIGA_FIXTURE.member.email, 'bad@address']) {
      const refused = await post('/v1/project/invitation/send', { email });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expectConforms(ref('ErrorResponseSchema'), refused.body);
    }
    const invalid = await post('/v1/project/invitation/send', { email: ['x'] });
    expectConforms(ref('HTTPValidationError'), invalid.body);

    const path = (invitationId: string) => `/v1/project/${DIGA_FIXTURE.projectId}/invitation/${invitationId}/role`;
    const updated = await post(path(DIGA_FIXTURE.pending.invitationId), { role: 'member' }, 'PATCH');
    expect(updated.status).toBe(200);
    expectConforms(ref('InvitationResponseSchema'), updated.body);
    const notFound = await post(path('660e8400-e29b-41d4-a716-446655440001'), { role: 'admin' }, 'PATCH');
    expect(notFound.body).toEqual({
      status: 'error',
      error_code: 'INVITATION_NOT_FOUND',
      message: 'Invitation 660e8400-e29b-41d4-a716-446655440001 not found',
    });
    expectConforms(ref('ErrorResponseSchema'), notFound.body);
    const badPath = await post(path('x'), { role: 'boss' }, 'PATCH');
    expect(badPath.status).toBe(422);
    expectConforms(ref('HTTPValidationError'), badPath.body);
  });
});

describe("the mock's request schemas agree with the published request schema", () => {
  const requestRef = doc.paths[BULK_PATH]!['post']! as unknown as {
    requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
  };
  const validateRequest = published(requestRef.requestBody.content['application/json'].schema.$ref);
  it.each([
    { invitations: [] },
    { invitations: [{ email: 'a@example.net' }] },
    { invitations: [{ email: '<string>', role: 'reader' }], extra: 1 },
    { invitations: [{ email: 'a@example.net', role: 'owner' }] },
    { invitations: [{ role: 'admin' }] },
    { invitations: [{ email: null }] },
    { invitations: {} },
    {},
    [],
    'text',
  ])('%j', (body) => {
    expect(BulkInvitationCreateSchema.safeParse(body).success).toBe(validateRequest(body));
  });
  it('the single-send body is the same item schema', () => {
    const validateItem = published(ref('InvitationCreateSchema'));
    for (const item of [{ email: 'a@example.net', role: 'member' }, { email: 3 }, { role: 'admin' }]) {
      expect(InvitationCreateSchema.safeParse(item).success).toBe(validateItem(item));
    }
  });
});

describe("the doc's Python requests example", () => {
  // requests.post(url, json=payload, headers=headers) from seed 001; json= serialises with json.dumps.
  const payload = { invitations: [{ email: '<string>', role: 'member' }] };
  const headers = {
    Authorization: 'Bearer <token>',
    'Content-Type': 'application/json',
    'User-Agent': 'python-requests/2.32.3',
    Accept: '*/*',
  };
  const serialised = '{"invitations": [{"email": "<string>", "role": "member"}]}';

  it.each(['https://api.diga.io', 'http://localhost:4010'])('works unchanged at %s', async (host) => {
    expect(JSON.parse(serialised)).toEqual(payload);
    mockWith();
    const response = await fetch(`${host}/v1/project/invitation/send/bulk`, { method: 'POST', headers, body: serialised });
    const body: unknown = await response.json();
    expect(response.status).toBe(201);
    // "<string>" is a placeholder, not an address: Diga answers it per address, as the doc's failed[] shows.
    expect(body).toEqual({
      successful: [],
      failed: [{ email: '<string>', success: false, error: 'The email <string> is not valid', invitation: null }],
    });
    expectConforms(bulkSchemaRef(201), body);
  });

  it('with a real address in place of the placeholder, invites it', async () => {
    mockWith();
    const response = await fetch('https://api.diga.io/v1/project/invitation/send/bulk', {
      method: 'POST',
      headers,
      body: serialised.replace('<string>', 'erin@example.net'),
    });
    const body = (await response.json()) as { successful: { invited_email: string; role: string }[] };
    expect(response.status).toBe(201);
    expect(body.successful).toMatchObject([{ invited_email: 'erin@example.net', role: 'member' }]);
    expectConforms(bulkSchemaRef(201), body);
  });
});
