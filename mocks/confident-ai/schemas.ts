/**
 * Confident AI's request and response bodies, transcribed from its API reference (Projects > Invitations,
 * Projects > Roles, API Conventions). The response schemas are strict: the contract tests use them to
 * catch any field the mock adds, drops or misspells.
 */
import * as z from 'zod/mini';

/** "2024-12-04T23:00:00.000Z": ISO 8601 with milliseconds and `Z`, as every example shows. */
const timestamp = z.iso.datetime({ precision: 3 });

/** `POST /v1/projects/:projectId/invitations`. */
export const createInvitationsBody = z.object({
  // "One or more email addresses to invite".
  emails: z.array(z.string()).check(z.minLength(1)),
  // Documented as `format: "uuid"`, but the docs' own example ("project-role-uuid-2") is not one: not checked.
  projectRoleId: z.optional(z.string()),
});
export type CreateInvitationsBody = z.infer<typeof createInvitationsBody>;

const address = z.email();

/**
 * Validates a create body and says what is wrong in one sentence, the way the API's `error` field does.
 * assumption: the wording; the docs only say 400 means "malformed or contained invalid parameters".
 */
export function parseCreateInvitationsBody(
  body: unknown,
): { ok: true; data: CreateInvitationsBody } | { ok: false; error: string } {
  const parsed = createInvitationsBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    if (field === 'projectRoleId') return { ok: false, error: 'projectRoleId must be a string' };
    if (body === null || typeof body !== 'object' || !('emails' in body)) return { ok: false, error: 'emails is required' };
    if (issue?.code === 'too_small') return { ok: false, error: 'emails must contain at least one email address' };
    return { ok: false, error: 'emails must be an array of strings' };
  }
  const malformed = parsed.data.emails.find((email) => !address.safeParse(email.trim()).success);
  if (malformed !== undefined) return { ok: false, error: `Invalid email address: ${malformed}` };
  return { ok: true, data: parsed.data };
}

/** One invitation as every invitation endpoint returns it. */
export const invitationSchema = z.strictObject({
  id: z.int(),
  email: z.string(),
  // "PENDING" in the examples; the list also returns declined ones. assumption: spelled "DECLINED".
  status: z.enum(['PENDING', 'DECLINED']),
  created_at: timestamp,
  projectRoleId: z.string(),
});

/** API Conventions: every success carries `success: true`, `data`, `deprecated`, optional `link`. */
function success<Data extends z.ZodMiniType>(data: Data) {
  return z.strictObject({
    success: z.literal(true),
    data,
    deprecated: z.boolean(),
    link: z.optional(z.string()),
  });
}

export const createInvitationsResponse = success(z.strictObject({ invitations: z.array(invitationSchema) }));
export const listInvitationsResponse = success(z.strictObject({ invitations: z.array(invitationSchema) }));
export const resendInvitationResponse = success(z.strictObject({ invitation: invitationSchema }));
export const revokeInvitationResponse = success(z.strictObject({ id: z.int(), deleted: z.literal(true) }));

/** List Project Roles: system roles have `projectId: null`, custom roles the project's id. */
export const projectRoleSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  projectId: z.nullable(z.string()),
  policies: z.array(z.strictObject({ id: z.string(), name: z.string() })),
});
export const listRolesResponse = success(z.strictObject({ roles: z.array(projectRoleSchema) }));

/** API Conventions: every error, on every endpoint. There is no machine-readable code. */
export const errorResponse = z.strictObject({
  success: z.literal(false),
  error: z.string(),
  deprecated: z.boolean(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
