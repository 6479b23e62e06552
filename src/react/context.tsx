/**
 * What the kit's hooks and components share: the words (a locale and a host's overrides) and the
 * sending setup (the adapter, its targets, roles, a members lookup). A host wraps its page (or just the
 * dialog) in `BulkInviteProvider`; every part reads it through the hooks below.
 */
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import { formatMessage, type ExistingEntry, type InviteAdapter, type MessageKey, type MessageOverrides, type MessageParams } from '../core/index.ts';
import { english } from './messages/locales.ts';
import { intlFor } from './messages/intl.ts';
import type { IntlHelpers, Locale, UiMessages } from './messages/types.ts';

/** A choice the vendor needs besides the list (Wix's policies, AthenaHQ's websites or groups…). */
export interface TargetField {
  /** Key in the `TargetChoice` the adapter factory gets. */
  name: string;
  label: string;
  /** One value or several (checkboxes). */
  multiple?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Chosen when the dialog opens. */
  defaultValue?: string | readonly string[];
  required?: boolean;
}

export type TargetChoice = Record<string, string | string[]>;

export interface BulkInviteConfig {
  /** The adapter to send with, or a factory given the person's target choices. */
  adapter?: InviteAdapter | ((choice: TargetChoice) => InviteAdapter);
  /** The vendor's own choices, shown in the review step. */
  targets?: readonly TargetField[];
  /** Roles a person can pick (default: the adapter's). */
  roles?: readonly string[];
  defaultRole?: string;
  /** Marks members and pending invitations after each load. */
  checkExisting?: (emails: string[], signal: AbortSignal) => Promise<Iterable<ExistingEntry>>;
  /**
   * Sends a pending invitation's email again (Wix and Confident AI have such a call): the review offers
   * "Resend" on rows `checkExisting` reports as invited. Absent: no Resend button.
   */
  resend?: (email: string, signal: AbortSignal) => Promise<void>;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** The language (default English). */
  locale?: Locale;
  /** A host's own wording, over the locale's. */
  messages?: { ui?: Partial<UiMessages>; core?: MessageOverrides };
}

export interface Words {
  /** A UI string. */
  t<K extends keyof UiMessages>(key: K, ...params: UiMessages[K] extends (params: infer P, intl: IntlHelpers) => string ? (P extends void ? [] : [P]) : never): string;
  /** A core message (row problem, warning, outcome) from its code and params. */
  core<K extends MessageKey>(key: K, params: MessageParams[K]): string;
  intl: IntlHelpers;
  locale: string;
}

const Config = createContext<BulkInviteConfig>({});

/** Whether two configs hold the same values, key by key (a host re-renders with fresh objects). */
function sameConfig(a: BulkInviteConfig, b: BulkInviteConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof BulkInviteConfig)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export function BulkInviteProvider({ children, ...config }: BulkInviteConfig & { children?: ReactNode }) {
  const parent = useContext(Config);
  // Nested providers refine their parent's setup. The value keeps its identity while nothing in it
  // changes, whatever options a host passes or leaves out between renders.
  const merged = { ...parent, ...config };
  const previous = useRef(merged);
  if (!sameConfig(previous.current, merged)) previous.current = merged;
  return <Config.Provider value={previous.current}>{children}</Config.Provider>;
}

export function useBulkInviteConfig(): BulkInviteConfig {
  return useContext(Config);
}

export function useWords(): Words {
  const { locale = english, messages } = useContext(Config);
  return useMemo(() => {
    const intl = intlFor(locale.code);
    const ui = { ...english.ui, ...locale.ui, ...messages?.ui } as UiMessages;
    const core = { ...locale.core, ...messages?.core };
    return {
      t: (key, ...params) => (ui[key] as (params: unknown, intl: IntlHelpers) => string)(params[0], intl),
      core: (key, params) => formatMessage(key, params, core),
      intl,
      locale: locale.code,
    };
  }, [locale, messages]);
}
