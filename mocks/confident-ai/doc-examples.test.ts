/**
 * The curl examples from Confident AI's API reference (Projects > Invitations, Projects > Roles), kept as
 * published (prompt markers `$`/`>` removed), parsed and sent unchanged against the mock. The create
 * example's response must come back exactly as the doc prints it (plus the `deprecated` flag every
 * response carries per API Conventions).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfidentAiMock } from './index.ts';
import {
  createInvitationsResponse,
  listInvitationsResponse,
  listRolesResponse,
  resendInvitationResponse,
  revokeInvitationResponse,
} from './schemas.ts';

// Verbatim from https://www.confident-ai.com/docs/api-reference/projects/invitations/create-project-invitations (seed 003).
const CREATE_CURL = `curl -X POST https://api.confident-ai.com/v1/projects/projectId/invitations \\
 -H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>" \\
 -H "Content-Type: application/json" \\
 -d '{
 "emails": [
 "carol@example.com",
 "dave@example.com"
 ],
 "projectRoleId": "project-role-uuid-2"
}'`;

// The doc's 200 example for that request.
const CREATE_RESPONSE = {
  success: true,
  data: {
    invitations: [
      { id: 201, email: 'carol@example.com', status: 'PENDING', created_at: '2024-12-04T23:00:00.000Z', projectRoleId: 'project-role-uuid-2' },
      { id: 202, email: 'dave@example.com', status: 'PENDING', created_at: '2024-12-04T23:00:00.000Z', projectRoleId: 'project-role-uuid-2' },
    ],
  },
};

// The sibling pages' examples.
const LIST_CURL = `curl https://api.confident-ai.com/v1/projects/projectId/invitations \\
 -H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>"`;
const RESEND_CURL = `curl -X PUT https://api.confident-ai.com/v1/projects/projectId/invitations/1 \\
 -H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>"`;
const REVOKE_CURL = `curl -X DELETE https://api.confident-ai.com/v1/projects/projectId/invitations/1 \\
 -H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>"`;
const ROLES_CURL = `curl https://api.confident-ai.com/v1/projects/projectId/roles \\
 -H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>"`;

/** Splits a shell command into words: single and double quotes, backslash-newline continuations. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === '\\' && command[i + 1] === '\n') {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The subset of curl these examples use: -X, -H, -d and the URL. `-d` implies POST, as in curl. */
function curlToRequest(command: string): Request {
  const [program, ...args] = shellWords(command);
  expect(program).toBe('curl');
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers = new Headers();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-X') method = args[++i];
    else if (arg === '-H') {
      const header = args[++i]!;
      const colon = header.indexOf(':');
      headers.append(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (arg === '-d') body = args[++i];
    else url = arg;
  }
  if (!url) throw new Error(`no URL in ${command}`);
  return new Request(url, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
}

async function send(command: string) {
  const response = await fetch(curlToRequest(command));
  return { status: response.status, body: (await response.json()) as unknown };
}

// The doc's example was created at 2024-12-04T23:00:00.000Z; freeze the mock's clock there.
const mock = createConfidentAiMock({ now: () => Date.parse('2024-12-04T23:00:00.000Z') });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('Confident AI doc examples against the mock', () => {
  it('parses the create example as curl would send it', async () => {
    const request = curlToRequest(CREATE_CURL);
    expect([request.method, request.url]).toEqual(['POST', 'https://api.confident-ai.com/v1/projects/projectId/invitations']);
    expect(request.headers.get('CONFIDENT_API_KEY')).toBe('<ORGANIZATION-API-KEY>');
    expect(JSON.parse(await request.text())).toEqual({ emails: ['carol@example.com', 'dave@example.com'], projectRoleId: 'project-role-uuid-2' });
  });

  it('Create Project Invitations: the documented response, field for field', async () => {
    const { status, body } = await send(CREATE_CURL);
    expect(status).toBe(200);
    expect(body).toEqual({ ...CREATE_RESPONSE, deprecated: false });
    expect(createInvitationsResponse.safeParse(body).success).toBe(true);
  });

  it('sending it again skips both addresses: they are already invited', async () => {
    const { status, body } = await send(CREATE_CURL);
    expect(status).toBe(200);
    expect(body).toEqual({ success: true, data: { invitations: [] }, deprecated: false });
  });

  it('List Project Invitations shows them next to the fixture ones', async () => {
    const { status, body } = await send(LIST_CURL);
    expect(status).toBe(200);
    const parsed = listInvitationsResponse.parse(body);
    expect(parsed.data.invitations.map((i) => i.email)).toEqual([
      'erin@example.com',
      'frank@example.com',
      'carol@example.com',
      'dave@example.com',
    ]);
  });

  it('Resend and Revoke Project Invitation work on invitation 1 as the examples name it', async () => {
    const resent = await send(RESEND_CURL);
    expect(resent.status).toBe(200);
    expect(resendInvitationResponse.parse(resent.body).data.invitation).toMatchObject({ id: 1, status: 'PENDING' });

    const revoked = await send(REVOKE_CURL);
    expect(revoked.status).toBe(200);
    expect(revokeInvitationResponse.parse(revoked.body).data).toEqual({ id: 1, deleted: true });
  });

  it("List Project Roles returns the documented Owner role and the example's Analyst role", async () => {
    const { status, body } = await send(ROLES_CURL);
    expect(status).toBe(200);
    const roles = listRolesResponse.parse(body).data.roles;
    expect(roles).toContainEqual({
      id: 'project-role-uuid-1',
      name: 'Owner',
      description: 'Owner of the project with full access to all resources.',
      projectId: null,
      policies: [],
    });
    expect(roles).toContainEqual({
      id: 'project-role-uuid-3',
      name: 'Analyst',
      description: 'Read-only project access',
      projectId: 'projectId',
      policies: [{ id: 'policy-uuid-1', name: 'View traces' }],
    });
  });
});
