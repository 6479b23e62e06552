/**
 * Wix Site Invites shapes, transcribed from the BulkInvite reference (seed 002), the Resend / Revoke
 * Invite references, the Site Invite object page, the Velo typings (`BulkSiteInviteResponse`) and the
 * "About Errors" article. Requests are what the mock validates; responses are what the contract tests
 * hold every mock answer to (strict: a field the docs don't list is a bug).
 */
import * as z from 'zod/mini';

const stringList = z.array(z.string());

/** `POST /invites/site-invite/bulk`. Required: `policyIds`, `emails`. */
export const bulkInviteRequestSchema = z.object({
  policyIds: stringList.check(z.minLength(1)),
  emails: stringList.check(z.minLength(1)),
  invitePurpose: z.optional(z.nullable(z.string())),
  defaultEmailLanguage: z.optional(z.nullable(z.string())),
  locationRestriction: z.optional(z.nullable(z.object({ locationIds: z.optional(stringList) }))),
});
export type BulkInviteRequest = z.infer<typeof bulkInviteRequestSchema>;

/** `POST /invites/site-invite/{inviteId}/resend`; the body may be empty. */
export const resendInviteRequestSchema = z.object({
  defaultEmailLanguage: z.optional(z.nullable(z.string())),
});

const wixDateTime = z.iso.datetime();

/** The Site Invite object; the docs mark no field required. */
export const siteInviteSchema = z.strictObject({
  id: z.optional(z.string()),
  siteId: z.optional(z.string()),
  email: z.optional(z.string()),
  policyIds: z.optional(stringList),
  /** Deprecated; use `inviterAccountId`. */
  inviterId: z.optional(z.string()),
  status: z.optional(z.enum(['Pending', 'Used', 'Deleted', 'Declined', 'Expired'])),
  acceptLink: z.optional(z.string()),
  inviterAccountId: z.optional(z.string()),
  acceptedByAccountId: z.optional(z.nullable(z.string())),
  dateCreated: z.optional(z.nullable(wixDateTime)),
  staffId: z.optional(z.nullable(z.string())),
  expirationDate: z.optional(z.nullable(wixDateTime)),
  locationIds: z.optional(stringList.check(z.maxLength(20))),
  callerCapabilities: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(20))),
});

/** 200 of Bulk Invite: "Invites that were sent successfully" and "Invites that failed" (plain strings). */
export const bulkInviteResponseSchema = z.strictObject({
  invites: z.optional(z.array(siteInviteSchema)),
  failedEmails: z.optional(stringList),
});

/** 200 of Resend Invite (`SiteInviteResponse`). */
export const resendInviteResponseSchema = z.strictObject({ invite: z.optional(siteInviteSchema) });

/** 200 of Revoke Invite: `EMPTY-OBJECT {}`. */
export const revokeInviteResponseSchema = z.strictObject({});

/** "About Errors": `details` holds either an application error or a validation error (empty for system errors). */
export const wixErrorSchema = z
  .strictObject({
    message: z.string(),
    details: z.strictObject({
      applicationError: z.optional(
        z.strictObject({
          code: z.string(),
          description: z.string(),
          data: z.optional(z.record(z.string(), z.unknown())),
        }),
      ),
      validationError: z.optional(
        z.strictObject({
          fieldViolations: z.array(
            z.strictObject({
              field: z.string(),
              description: z.string(),
              violatedRule: z.optional(z.string()),
              ruleName: z.optional(z.string()),
              data: z.optional(z.record(z.string(), z.unknown())),
            }),
          ),
        }),
      ),
    }),
  })
  .check(
    z.refine((error) => !(error.details.applicationError && error.details.validationError), {
      message: 'details holds either applicationError or validationError, not both',
    }),
  );
export type WixErrorBody = z.infer<typeof wixErrorSchema>;
export type WixFieldViolation = NonNullable<WixErrorBody['details']['validationError']>['fieldViolations'][number];
