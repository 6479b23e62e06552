/**
 * The hooks: thin `useSyncExternalStore` readers over the core's stores, and the memoised views a table
 * needs. No logic of their own: the draft, the run and `viewResults` decide everything.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import {
  createInviteDraft,
  createInviteRun,
  resultRows,
  type DraftRow,
  type DraftSnapshot,
  type InviteDraft,
  type InviteDraftOptions,
  type InviteRun,
  type Invitee,
  type ResultRow,
  type RunSnapshot,
} from '../core/index.ts';
import { viewResults, type ResultsView, type ResultsViewOptions } from '../core/results/view.ts';

const noop = () => () => {};

/** A draft (the one given, or one made once from these options) and its current snapshot. */
export function useInviteDraft(source?: InviteDraft | InviteDraftOptions): { draft: InviteDraft; snapshot: DraftSnapshot } {
  const [draft] = useState<InviteDraft>(() => (isDraft(source) ? source : createInviteDraft(source)));
  const snapshot = useSyncExternalStore(draft.subscribe, draft.getSnapshot, draft.getSnapshot);
  return { draft, snapshot };
}

function isDraft(value: unknown): value is InviteDraft {
  return typeof value === 'object' && value !== null && typeof (value as InviteDraft).getSnapshot === 'function' && typeof (value as InviteDraft).load === 'function';
}

/** The run's current snapshot (undefined without a run). */
export function useInviteRun(run: InviteRun | undefined): RunSnapshot | undefined {
  const subscribe = run ? run.subscribe : noop;
  const get = () => run?.getSnapshot();
  return useSyncExternalStore(subscribe, get, get);
}

/**
 * A run made when the person sends (`start(invitees)`, replacing any earlier one) and its snapshot;
 * `reset()` drops it. For components that create runs without importing the core's functions.
 */
export function useInviteSending(): { run: InviteRun | undefined; snapshot: RunSnapshot | undefined; start(invitees: readonly Invitee[]): InviteRun; reset(): void } {
  const [run, setRun] = useState<InviteRun | undefined>(undefined);
  const snapshot = useInviteRun(run);
  const start = useCallback((invitees: readonly Invitee[]) => {
    const next = createInviteRun(invitees);
    setRun(next);
    return next;
  }, []);
  const reset = useCallback(() => setRun(undefined), []);
  return { run, snapshot, start, reset };
}

/**
 * A run's results as table rows (with the rows the check rejected, when the draft's rows are given),
 * filtered, searched and sorted. Recomputed only when the snapshot or the options change.
 */
export function useResultsView(snapshot: RunSnapshot | undefined, rows: readonly DraftRow[] | undefined, options: ResultsViewOptions): ResultsView & { all: readonly ResultRow[] } {
  const all = useMemo(() => (snapshot ? resultRows(snapshot, rows ? { rows } : {}) : []), [snapshot, rows]);
  const { filter, search, sort } = options;
  const view = useMemo(() => viewResults(all, { ...(filter ? { filter } : {}), ...(search ? { search } : {}), ...(sort ? { sort } : {}) }), [all, filter, search, sort?.key, sort?.direction]);
  return { ...view, all };
}
