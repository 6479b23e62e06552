/**
 * Diga's request and response bodies as its OpenAPI document (mocks/diga/openapi.yaml) defines them, and
 * the FastAPI/pydantic v2 422 body the real server builds from a failed validation. Property order
 * follows the document, so errors come out in the order pydantic would report them.
 */
import * as z from 'zod/mini';

export const appRoles = ['admin', 'member', 'reader'] as const;
export type AppRole = (typeof appRoles)[number];
export const defaultRole: AppRole = 'member';

const AppRole = z.enum(appRoles);

/** `InvitationCreateSchema`: `role` (default `member`) then `email` (required, no format). */
export const InvitationCreateSchema = z.object({
  role: z._default(AppRole, defaultRole),
  email: z.string(),
});

/** `BulkInvitationCreateSchema`: `invitations` required, no min or max items. */
export const BulkInvitationCreateSchema = z.object({
  invitations: z.array(InvitationCreateSchema),
});

/** Body of `PATCH /v1/project/{project_id}/invitation/{invitation_id}/role`: `role` required, no default. */
export const InvitationRoleUpdateSchema = z.object({ role: AppRole });

export const InvitationResponseSchema = z.object({
  id: z.string(),
  invited_email: z.string(),
  inviter_name: z.nullable(z.string()),
  project_id: z.string(),
  project_name: z.string(),
  created_at: z.string(),
  registered: z.boolean(),
  invited_profile_id: z.nullable(z.string()),
  expires_at: z.string(),
  role: AppRole,
});
export type InvitationResponse = z.infer<typeof InvitationResponseSchema>;

export const InvitationResultSchema = z.object({
  email: z.string(),
  success: z.boolean(),
  error: z.nullable(z.string()),
  invitation: z.nullable(InvitationResponseSchema),
});
export type InvitationResult = z.infer<typeof InvitationResultSchema>;

export const BulkInvitationResponseSchema = z.object({
  successful: z.array(InvitationResponseSchema),
  failed: z.array(InvitationResultSchema),
});
export type BulkInvitationResponse = z.infer<typeof BulkInvitationResponseSchema>;

export const ErrorResponseSchema = z.object({
  status: z.literal('error'),
  error_code: z.string(),
  message: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** pydantic v2 error item as FastAPI serialises it (`include_url=False`): `loc`, `msg`, `type`, `input`, `ctx`. */
export interface ValidationError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, string>;
}
export interface HTTPValidationError {
  detail: ValidationError[];
}

const enumExpected = "'admin', 'member' or 'reader'";
const typeErrors: Record<string, { type: string; msg: string }> = {
  string: { type: 'string_type', msg: 'Input should be a valid string' },
  array: { type: 'list_type', msg: 'Input should be a valid list' },
  // FastAPI validates bodies with from_attributes=True, hence this wording rather than `model_type`.
  object: { type: 'model_attributes_type', msg: 'Input should be a valid dictionary or object to extract fields from' },
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns zod issues for `input` into the `detail` items pydantic v2 would produce under `locPrefix`. */
export function validationErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  locPrefix: readonly (string | number)[] = ['body'],
): ValidationError[] {
  return issues.map((issue) => {
    const path = issue.path as (string | number)[];
    const loc = [...locPrefix, ...path];
    const value = valueAt(input, path);
    const parent = valueAt(input, path.slice(0, -1));
    const present = path.length === 0 || (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path.at(-1)!));
    if (!present) {
      return { type: 'missing', loc, msg: 'Field required', input: path.length === 0 ? null : parent };
    }
    if (issue.code === 'invalid_value') {
      return { type: 'enum', loc, msg: `Input should be ${enumExpected}`, input: value, ctx: { expected: enumExpected } };
    }
    const known = issue.code === 'invalid_type' ? typeErrors[issue.expected] : undefined;
    // assumption: no other issue kinds arise from these schemas; keep a generic pydantic shape if one does.
    return { type: known?.type ?? 'value_error', loc, msg: known?.msg ?? issue.message, input: value };
  });
}

/**
 * Reads a request body as FastAPI does: empty → the body is missing; not JSON → `json_invalid` at the
 * character position where decoding failed.
 */
export function readJsonBody(text: string): { ok: true; value: unknown } | { ok: false; detail: ValidationError[] } {
  if (text.length === 0) {
    return { ok: false, detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /position (\d+)/.exec(message);
    const pos = at ? Number(at[1]) : /end of JSON/i.test(message) ? text.length : 0;
    // assumption: Python's json module words the reason; "Expecting value" is its commonest message.
    return {
      ok: false,
      detail: [{ type: 'json_invalid', loc: ['body', pos], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }],
    };
  }
}

/**
 * A path parameter typed `uuid` that does not parse: pydantic's `uuid_parsing` error.
 * assumption: the reason text is simplified from pydantic's (character or length problem only).
 */
export function uuidError(name: string, value: string): ValidationError | undefined {
  if (/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)) return undefined;
  const bad = /[^0-9a-fA-F-]/.exec(value);
  const reason = bad
    ? `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${bad[0]}\` at ${bad.index + 1}`
    : `invalid length: expected length 32 for simple format, found ${value.replaceAll('-', '').length}`;
  return { type: 'uuid_parsing', loc: ['path', name], msg: `Input should be a valid UUID, ${reason}`, input: value, ctx: { error: reason } };
}
