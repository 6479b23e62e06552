/**
 * `Root`: the dialog's state (no DOM of its own, like Radix's `Dialog.Root`): open or closed (controlled
 * or not), the step, the draft and the run, the one live region's words, and the guard that turns a close
 * while sending into a question. Everything behaves through the public hooks (`useInviteDraft`,
 * `useInviteSending`, `useWords`); the core decides what rows and outcomes are.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { InviteAdapter, InviteDraft, InviteDraftOptions, RunSnapshot, SendOptions } from '../../core/index.ts';
import {
  BulkInviteProvider,
  useBulkInviteConfig,
  useInviteDraft,
  useInviteSending,
  useWords,
  type BulkInviteConfig,
  type TargetChoice,
  type TargetField,
  type Words,
} from '../../react/index.ts';
import { DialogContext, isActive, type DialogContextValue, type LiveRunSnapshot, type Problem, type Step } from './context.ts';
import { needsMapping } from './mapping-rules.ts';

export interface RootProps extends BulkInviteConfig {
  children?: ReactNode;
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean;
  /** Uncontrolled: whether it starts open. */
  defaultOpen?: boolean;
  /** Called with every open or close the dialog lets through (a close while sending asks first). */
  onOpenChange?: (open: boolean) => void;
  /**
   * Reopening after a finished send shows that list and its results again. Default false: reopening
   * after a send starts with an empty compose step (closing before a send always keeps the list).
   */
  keepDraft?: boolean;
  /** A draft the host made and owns (`createInviteDraft`); default: one made from the configuration. */
  draft?: InviteDraft;
  /** Called when a send, a retry or a resumed send ends, with the run's final snapshot. */
  onSendEnd?: (snapshot: RunSnapshot) => void;
  /** The engine's other options for every send (rate limit, retry policy, timeout…); `concurrency` is the provider's. */
  sendOptions?: Omit<SendOptions, 'adapter' | 'signal' | 'concurrency'>;
}

const CONFIG_KEYS = ['adapter', 'targets', 'roles', 'defaultRole', 'checkExisting', 'resend', 'concurrency', 'locale', 'messages'] as const satisfies readonly (keyof BulkInviteConfig)[];
const NO_ROLES: readonly string[] = [];
const NO_TARGETS: readonly TargetField[] = [];
const DEFAULT_CONCURRENCY = 4;

/** The dialog's state. Its configuration props refine the nearest `BulkInviteProvider`'s. */
export function Root(props: RootProps) {
  const config: BulkInviteConfig = {};
  for (const key of CONFIG_KEYS) if (props[key] !== undefined) (config as Record<string, unknown>)[key] = props[key];
  return (
    <BulkInviteProvider {...config}>
      <RootState {...props} />
    </BulkInviteProvider>
  );
}

function initialChoice(targets: readonly TargetField[]): TargetChoice {
  const choice: TargetChoice = {};
  for (const field of targets) {
    if (field.defaultValue === undefined) continue;
    choice[field.name] = field.multiple ? [...(typeof field.defaultValue === 'string' ? [field.defaultValue] : field.defaultValue)] : String(field.defaultValue);
  }
  return choice;
}

const isEmpty = (value: string | string[] | undefined) => value === undefined || value.length === 0;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "118 sent, 2 failed" and the like: what the run's end is announced as, and the results heading. */
export function finalSummary(words: Words, snapshot: RunSnapshot): string {
  const { sent, skipped, failed, pending, queued, inFlight } = snapshot.counts;
  return words.t('runSummary', { sent, skipped, failed, notSent: pending + queued + inFlight });
}

/** "40 of 120 sent, 2 failed" (or the rate-limit pause): the throttled progress announcement. */
export function progressSummary(words: Words, snapshot: LiveRunSnapshot, now = Date.now()): string {
  if (snapshot.waiting) return words.t('rateLimited', { seconds: Math.max(0, (snapshot.waiting.until - now) / 1000) });
  const { sent, failed } = snapshot.counts;
  if (snapshot.status === 'paused') return words.t('progressPaused', { sent, total: snapshot.total });
  return words.t('progressStatus', { sent, total: snapshot.total, failed });
}

function RootState({ children, open: openProp, defaultOpen, onOpenChange, keepDraft = false, draft: draftProp, onSendEnd, sendOptions }: RootProps) {
  const sendOptionsRef = useRef(sendOptions);
  sendOptionsRef.current = sendOptions;
  const config = useBulkInviteConfig();
  const words = useWords();
  const latest = useRef(config);
  latest.current = config;
  const adapterObject = typeof config.adapter === 'object' ? config.adapter : undefined;
  const roles = config.roles ?? adapterObject?.roles ?? NO_ROLES;
  const defaultRole = config.defaultRole ?? adapterObject?.defaultRole ?? roles[0];
  const targets = config.targets ?? NO_TARGETS;

  // The draft is made once, from the configuration at the first render (a host's own draft wins).
  const options: InviteDraftOptions = {
    ...(roles.length > 0 ? { roles } : {}),
    ...(defaultRole !== undefined ? { defaultRole } : {}),
    ...(config.checkExisting ? { checkExisting: (emails: string[], signal: AbortSignal) => latest.current.checkExisting?.(emails, signal) ?? Promise.resolve([]) } : {}),
  };
  const { draft, snapshot } = useInviteDraft(draftProp ?? options);
  const sending = useInviteSending();
  const runSnapshot = sending.snapshot as LiveRunSnapshot | undefined;

  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen ?? false);
  const open = openProp ?? uncontrolledOpen;
  const [step, setStep] = useState<Step>('compose');
  const [choice, setChoiceState] = useState<TargetChoice>(() => initialChoice(targets));
  const [errorAttempt, setErrorAttempt] = useState(0);
  const [sendError, setSendError] = useState<string | undefined>(undefined);
  const [stopAsked, setStopAsked] = useState(false);
  const [announcement, setAnnouncement] = useState({ id: 0, text: '' });
  const adapterRef = useRef<InviteAdapter | undefined>(undefined);
  const stepRef = useRef(step);
  stepRef.current = step;
  const runRef = useRef(runSnapshot);
  runRef.current = runSnapshot;
  const contentRef = useRef<HTMLDivElement | null>(null);
  const triggerMounted = useRef(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const announce = useCallback((text: string) => setAnnouncement((last) => ({ id: last.id + 1, text })), []);

  const resetAll = useCallback(() => {
    draft.clear();
    sending.reset();
    setStep('compose');
    setErrorAttempt(0);
    setSendError(undefined);
    setStopAsked(false);
    setChoiceState(initialChoice(latest.current.targets ?? NO_TARGETS));
    adapterRef.current = undefined;
  }, [draft, sending.reset]);

  const setOpen = useCallback(
    (next: boolean) => {
      if (openProp === undefined) setUncontrolledOpen(next);
      onOpenChange?.(next);
    },
    [openProp, onOpenChange],
  );

  const requestOpenChange = useCallback(
    (next: boolean) => {
      if (!next && isActive(runRef.current)) {
        setStopAsked(true);
        return;
      }
      if (next && stepRef.current === 'results' && !keepDraft) resetAll();
      setOpen(next);
    },
    [keepDraft, resetAll, setOpen],
  );

  // A host that opens a controlled dialog after a finished send gets an empty one too (before paint).
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    if (open && !wasOpen.current) {
      // Before Radix moves the focus in: where it goes back to when no trigger is there to take it.
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
      if (stepRef.current === 'results' && !keepDraft) resetAll();
    }
    wasOpen.current = open;
  }, [open, keepDraft, resetAll]);

  const setChoice = useCallback((name: string, value: string | string[]) => setChoiceState((last) => ({ ...last, [name]: value })), []);

  // A transition: mounting the review of a long list may yield to input instead of blocking it.
  const advance = useCallback(() => startTransition(() => setStep(needsMapping(draft.getSnapshot()) ? 'mapping' : 'review')), [draft]);

  const problems = useCallback(
    (withRows: boolean): Problem[] => {
      const list: Problem[] = [];
      for (const field of targets) if (field.required && isEmpty(choice[field.name])) list.push({ kind: 'target', field });
      const current = draft.getSnapshot();
      if (withRows) for (const row of current.rows) if (row.status === 'invalid') list.push({ kind: 'row', row });
      if (current.summary.valid === 0) list.push({ kind: 'nothing' });
      if (sendError) list.push({ kind: 'send', message: sendError });
      return list;
    },
    [targets, choice, draft, sendError],
  );

  const makeAdapter = useCallback((): InviteAdapter => {
    const adapter = latest.current.adapter;
    if (typeof adapter === 'function') return adapter(choice);
    if (!adapter) throw new Error(words.t('noAdapter'));
    return adapter;
  }, [choice, words]);

  /** Shows the sending step until the pass ends, then the results. */
  const follow = useCallback(
    (pass: Promise<RunSnapshot>) => {
      setStep('sending');
      pass.then(
        (final) => {
          setStopAsked(false);
          setStep('results');
          onSendEnd?.(final);
        },
        (error: unknown) => {
          setStopAsked(false);
          setSendError(messageOf(error));
          setStep('results');
        },
      );
    },
    [onSendEnd],
  );

  const send = useCallback(
    (skipInvalid: boolean): boolean => {
      setSendError(undefined);
      const blocking = problems(!skipInvalid).filter((problem) => problem.kind !== 'send');
      if (blocking.length > 0) {
        setErrorAttempt((n) => n + 1);
        return false;
      }
      let adapter: InviteAdapter;
      try {
        adapter = makeAdapter();
      } catch (error) {
        setSendError(messageOf(error));
        setErrorAttempt((n) => n + 1);
        return false;
      }
      adapterRef.current = adapter;
      const run = sending.start(draft.toInvitees());
      follow(run.send({ ...sendOptionsRef.current, adapter, concurrency: latest.current.concurrency ?? DEFAULT_CONCURRENCY }));
      return true;
    },
    [problems, makeAdapter, sending.start, draft, follow],
  );

  const retryFailed = useCallback(() => {
    const run = sending.run;
    if (!run) return;
    follow(run.retryFailed({ ...sendOptionsRef.current, ...(adapterRef.current ? { adapter: adapterRef.current } : {}), concurrency: latest.current.concurrency ?? DEFAULT_CONCURRENCY }));
  }, [sending.run, follow]);

  const sendRest = useCallback(() => {
    const run = sending.run;
    if (!run) return;
    let adapter: InviteAdapter;
    try {
      // Made anew: a stop for expired credentials needs the host's fresh ones.
      adapter = makeAdapter();
    } catch (error) {
      setSendError(messageOf(error));
      return;
    }
    adapterRef.current = adapter;
    follow(run.send({ ...sendOptionsRef.current, adapter, concurrency: latest.current.concurrency ?? DEFAULT_CONCURRENCY }));
  }, [sending.run, makeAdapter, follow]);

  // Progress in the live region: at most once a second while sending, and once at the end.
  const lastSaid = useRef({ at: 0, text: '' });
  const pendingSay = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const wasActive = useRef(false);
  useEffect(() => {
    if (!runSnapshot) return;
    const say = (text: string) => {
      lastSaid.current = { at: Date.now(), text };
      announce(text);
    };
    if (!isActive(runSnapshot)) {
      if (wasActive.current) {
        clearTimeout(pendingSay.current);
        pendingSay.current = undefined;
        say(finalSummary(words, runSnapshot));
      }
      wasActive.current = false;
      return;
    }
    wasActive.current = true;
    if (pendingSay.current) return;
    const wait = 1000 - (Date.now() - lastSaid.current.at);
    const tell = () => {
      pendingSay.current = undefined;
      const current = runRef.current;
      if (!current || !isActive(current)) return;
      const text = progressSummary(words, current);
      if (text !== lastSaid.current.text) say(text);
    };
    if (wait <= 0) tell();
    else pendingSay.current = setTimeout(tell, wait);
  }, [runSnapshot, words, announce]);
  useEffect(() => () => clearTimeout(pendingSay.current), []);

  const value = useMemo<DialogContextValue>(
    () => ({
      open,
      requestOpenChange,
      step,
      setStep,
      draft,
      snapshot,
      run: sending.run,
      runSnapshot,
      words,
      roles,
      targets,
      choice,
      setChoice,
      resend: config.resend,
      announce,
      announcement,
      advance,
      problems,
      errorAttempt,
      hideErrors: () => setErrorAttempt(0),
      send,
      pause: () => sending.run?.pause(),
      resume: () => sending.run?.resume(),
      retryFailed,
      sendRest,
      inviteMore: resetAll,
      stopAsked,
      askStop: () => setStopAsked(true),
      answerStop: (stop: boolean) => {
        setStopAsked(false);
        if (stop) sending.run?.cancel();
      },
      contentRef,
      triggerMounted,
      returnFocus,
    }),
    [open, requestOpenChange, step, draft, snapshot, sending.run, runSnapshot, words, roles, targets, choice, setChoice, config.resend, announce, announcement, advance, problems, errorAttempt, send, retryFailed, sendRest, resetAll, stopAsked],
  );

  return (
    <DialogContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={requestOpenChange}>
        {children}
      </Dialog.Root>
    </DialogContext.Provider>
  );
}
