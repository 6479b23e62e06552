/**
 * The four vendors as `bulk-invite send` names them: each one's own options (spelled after the vendor's
 * own fields) and how to build its adapter from them. The rate a vendor documents is the adapter's own
 * (`InviteAdapter.rateLimit`), which the engine keeps to when --rate is not given.
 */
import { createAthenaAdapter, ATHENA_INVITE_METHODS, type AthenaInviteMethod } from '../adapters/athenahq.ts';
import { createConfidentAiAdapter } from '../adapters/confident-ai.ts';
import type { InviteAdapter } from '../core/contract.ts';
import { createDigaAdapter } from '../adapters/diga.ts';
import { createWixAdapter } from '../adapters/wix.ts';

export const VENDOR_NAMES = ['diga', 'wix', 'confident', 'athena'] as const;
export type VendorName = (typeof VENDOR_NAMES)[number];

export interface VendorFlags {
  projectId?: string;
  siteId?: string;
  policyId?: string[];
  websiteId?: string[];
  groupId?: string[];
  inviteMethod?: AthenaInviteMethod;
}

/** The vendor-specific flags, as commander names them, with the option each one spells. */
const FLAG_OPTION: Record<keyof VendorFlags, string> = {
  projectId: '--project-id',
  siteId: '--site-id',
  policyId: '--policy-id',
  websiteId: '--website-id',
  groupId: '--group-id',
  inviteMethod: '--invite-method',
};

export interface Connection {
  baseUrl: string;
  /** Called per request (see `AdapterConnection.apiKey`). */
  apiKey: string | (() => string);
  /** Role for rows that name none (already checked against the roles by the intake). */
  defaultRole?: string;
}

interface VendorSpec {
  label: string;
  /** Flags this vendor reads; any other vendor flag is a usage error. */
  flags: readonly (keyof VendorFlags)[];
  /** Throws `UsageError` for missing or contradictory flags; adapters throw TypeError for bad values. */
  build(flags: VendorFlags, connection: Connection): InviteAdapter;
}

/** A mistake in how the command was called (exit code 1). */
export class UsageError extends Error {}

function required<T>(value: T | undefined, option: string, vendor: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw new UsageError(`${vendor} needs ${option}.`);
  return value;
}

export const VENDORS: Record<VendorName, VendorSpec> = {
  diga: {
    label: 'Diga',
    flags: [],
    // Diga publishes no limit: the adapter declares none, so the engine's default applies.
    // The key selects the project: Diga has no project option.
    build: (_flags, c) => createDigaAdapter({ baseUrl: c.baseUrl, apiKey: c.apiKey }),
  },
  wix: {
    label: 'Wix',
    flags: ['siteId', 'policyId'],
    // Role ids belong to the Wix account, so they are asked for rather than defaulted to the docs' example.
    build: (flags, c) =>
      createWixAdapter({
        baseUrl: c.baseUrl,
        apiKey: c.apiKey,
        siteId: required(flags.siteId, '--site-id', 'Wix'),
        policyIds: required(flags.policyId, '--policy-id (the Wix role ids to grant; repeatable)', 'Wix'),
        ...(c.defaultRole ? { defaultRole: c.defaultRole } : {}),
      }),
  },
  confident: {
    label: 'Confident AI',
    flags: ['projectId'],
    // Confident AI publishes no limit: the adapter declares none, so the engine's default applies.
    build: (flags, c) =>
      createConfidentAiAdapter({
        baseUrl: c.baseUrl,
        apiKey: c.apiKey,
        projectId: required(flags.projectId, '--project-id', 'Confident AI'),
      }),
  },
  athena: {
    label: 'AthenaHQ',
    flags: ['websiteId', 'groupId', 'inviteMethod'],
    build(flags, c) {
      if (flags.websiteId && flags.groupId) throw new UsageError('AthenaHQ takes --website-id or --group-id, not both.');
      if (!flags.websiteId && !flags.groupId) throw new UsageError('AthenaHQ needs --website-id or --group-id.');
      return createAthenaAdapter({
        baseUrl: c.baseUrl,
        apiKey: c.apiKey,
        ...(flags.websiteId ? { websiteIds: flags.websiteId } : { groupIds: flags.groupId! }),
        inviteMethod: required(flags.inviteMethod, `--invite-method (${ATHENA_INVITE_METHODS.join(' or ')})`, 'AthenaHQ'),
      });
    },
  },
};

/** Refuses another vendor's flags, so a typo'd --vendor never silently drops, say, --site-id. */
export function checkVendorFlags(vendor: VendorName, flags: VendorFlags): void {
  const spec = VENDORS[vendor];
  for (const key of Object.keys(FLAG_OPTION) as (keyof VendorFlags)[]) {
    if (flags[key] !== undefined && !spec.flags.includes(key)) {
      const owner = VENDOR_NAMES.find((name) => VENDORS[name].flags.includes(key));
      throw new UsageError(`${FLAG_OPTION[key]} is ${owner ? `a ${VENDORS[owner].label} option` : 'not an option here'}; --vendor is ${vendor}.`);
    }
  }
}

/** The adapter, or a UsageError naming what is missing or wrong. */
export function buildAdapter(vendor: VendorName, flags: VendorFlags, connection: Connection): InviteAdapter {
  checkVendorFlags(vendor, flags);
  try {
    return VENDORS[vendor].build(flags, connection);
  } catch (error) {
    // The adapters check ids and methods at construction and say what is wrong with them.
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^create\w+Adapter: /, ''));
    throw error;
  }
}
