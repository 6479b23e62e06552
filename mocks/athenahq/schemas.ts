/**
 * AthenaHQ request and response shapes, transcribed from the docs: "Bulk Invite to Websites or Groups"
 * (`POST /api/v1/invites/bulk`, seed 004) and "Create Invite" (`POST /api/v1/invites`,
 * docs.athenahq.ai/api-reference/team-management/create-invite). The request schemas carry the error text
 * the mock answers with; the response schemas are strict so contract tests catch any field the doc does
 * not publish.
 */
import * as z from 'zod/mini';

const ROLES = ['admin', 'viewer'] as const;
const METHODS = ['direct', 'email'] as const;
export const MAX_TARGETS = 50;

// assumption: the doc publishes no error texts; these are ours, one sentence naming the field.
const inviteMethod = z.enum(METHODS, {
  error: (issue) =>
    issue.input === undefined ? 'invite_method is required' : 'invite_method must be one of: direct, email',
});
const email = z.email({
  error: (issue) => (issue.input === undefined ? 'email is required' : 'email must be a valid email address'),
});
const role = z._default(z.enum(ROLES, { error: 'role must be one of: admin, viewer' }), 'viewer');
const name = (field: string) => z.optional(z.string({ error: `${field} must be a string` }));

function targetIds(field: 'website_ids' | 'group_ids') {
  const size = `${field} must contain between 1 and ${MAX_TARGETS} IDs`;
  return z.optional(
    z
      .array(z.uuid({ error: `${field} must contain only valid UUIDs` }), { error: `${field} must be an array of UUIDs` })
      .check(z.minLength(1, { error: size }), z.maxLength(MAX_TARGETS, { error: size })),
  );
}

export const XOR_ERROR = 'Provide exactly one of website_ids or group_ids';

/** `POST /api/v1/invites/bulk`: one invitee, 1–50 websites XOR 1–50 groups. */
export const bulkInviteRequestSchema = z
  .object(
    {
      invite_method: inviteMethod,
      email,
      role,
      website_ids: targetIds('website_ids'),
      group_ids: targetIds('group_ids'),
      first_name: name('first_name'),
      last_name: name('last_name'),
    },
    { error: 'Request body must be a JSON object' },
  )
  .check(
    z.refine((body) => (body.website_ids === undefined) !== (body.group_ids === undefined), { error: XOR_ERROR }),
  );
export type BulkInviteRequest = z.output<typeof bulkInviteRequestSchema>;

/** `POST /api/v1/invites`: one invitee, one target chosen by `type`. */
export const createInviteRequestSchema = z
  .object(
    {
      type: z.enum(['organization', 'website', 'group'], {
        error: (issue) =>
          issue.input === undefined ? 'type is required' : 'type must be one of: organization, website, group',
      }),
      invite_method: inviteMethod,
      email,
      role,
      website_id: z.optional(z.uuid({ error: 'website_id must be a valid UUID' })),
      group_id: z.optional(z.uuid({ error: 'group_id must be a valid UUID' })),
      first_name: name('first_name'),
      last_name: name('last_name'),
    },
    { error: 'Request body must be a JSON object' },
  )
  .check(
    z.refine((body) => body.type !== 'website' || body.website_id !== undefined, {
      error: "website_id is required when type is 'website'",
    }),
    z.refine((body) => body.type !== 'group' || body.group_id !== undefined, {
      error: "group_id is required when type is 'group'",
    }),
  );
export type CreateInviteRequest = z.output<typeof createInviteRequestSchema>;

/** The first problem, in field order: AthenaHQ's error envelope has room for one sentence. */
export function firstIssueMessage(error: z.core.$ZodError): string {
  return error.issues[0]?.message ?? 'Invalid request body';
}

/**
 * One entry per target (doc). A website target names `website_id`, a group target `group_id`.
 * Success carries `message` and `user_id` (direct) or `invite_id` (email); failure carries `error`.
 */
export const targetResultSchema = z
  .strictObject({
    website_id: z.optional(z.uuid()),
    group_id: z.optional(z.uuid()),
    success: z.boolean(),
    message: z.optional(z.string()),
    error: z.optional(z.string()),
    user_id: z.optional(z.uuid()),
    invite_id: z.optional(z.uuid()),
  })
  .check(
    z.refine((r) => (r.website_id === undefined) !== (r.group_id === undefined), 'exactly one of website_id, group_id'),
    z.refine(
      (r) =>
        r.success
          ? r.message !== undefined && r.error === undefined && (r.user_id === undefined) !== (r.invite_id === undefined)
          : r.error !== undefined && r.message === undefined && r.user_id === undefined && r.invite_id === undefined,
      'success ⇒ message + user_id|invite_id; failure ⇒ error only',
    ),
  );
export type TargetResult = z.output<typeof targetResultSchema>;

/** 200 body of the bulk endpoint. `success` is "always true if request was valid". */
export const bulkInviteResponseSchema = z.strictObject({
  success: z.literal(true),
  results: z.array(targetResultSchema),
});
export type BulkInviteResponse = z.output<typeof bulkInviteResponseSchema>;

/** 200 body of Create Invite; `invite_id` only for email invites. */
export const createInviteResponseSchema = z
  .strictObject({
    success: z.literal(true),
    message: z.string(),
    user_id: z.optional(z.uuid()),
    invite_id: z.optional(z.uuid()),
  })
  .check(z.refine((r) => (r.user_id === undefined) !== (r.invite_id === undefined), 'user_id xor invite_id'));
export type CreateInviteResponse = z.output<typeof createInviteResponseSchema>;

// assumption: errors are undocumented; this is the envelope vendors.md §4 fixes for every non-2xx.
export const errorResponseSchema = z.strictObject({ success: z.literal(false), error: z.string().check(z.minLength(1)) });
export type ErrorResponse = z.output<typeof errorResponseSchema>;

/** The rate-limit headers every authenticated response carries (docs: Rate Limits). */
export const rateLimitHeadersSchema = z.object({
  'x-rate-limit-limit': z.string().check(z.regex(/^\d+$/)),
  'x-rate-limit-remaining': z.string().check(z.regex(/^\d+$/)),
  'x-rate-limit-reset': z.string().check(z.regex(/^\d{10}$/)),
});
