/**
 * The draft: the rows a person is about to invite, and everything they do to them before sending: load
 * more (a paste, a file), fix a row, remove it (and undo), choose roles, accept a typo fix, remap the
 * columns. Framework-agnostic: `subscribe` / `getSnapshot` as React's `useSyncExternalStore` wants them,
 * usable from any UI, a Web Worker or a test.
 *
 * Each change re-checks the row it touches and the rows sharing its address (the first of them is the
 * one invited, the others are duplicates of it), never the whole list: an edit in a 100,000-row draft
 * costs a copy of the row array and a few row checks.
 */
import type { Invitee } from '../contract.ts';
import { inviteesFromRows } from '../send/invitees.ts';
import { checkBytes, checkFile, checkStream, checkText, type CheckOptions, type CheckResult, type IgnoredLine, type MappingReport } from '../intake/check.ts';
import type { ColumnOverride } from '../intake/columns.ts';
import type { TextEncodingName } from '../intake/decode.ts';
import { IntakeError, type IntakeErrorArgs, type IntakeErrorCode, type IntakeErrorParams } from '../intake/errors.ts';
import type { IntakeReply } from '../intake/worker.ts';
import { createRowChecker, type CheckedRow, type ExistingEntry, type RowIssueCode, type RowRules } from '../intake/row-rules.ts';
import { formatMessage } from '../messages/format.ts';
import { COMMON_MAIL_DOMAINS, suggestDomain, type DomainSuggestion } from './typos.ts';

/** A row of the draft: a checked row with a stable identity. Never mutated: a change makes a new object. */
export interface DraftRow extends Readonly<CheckedRow> {
  /** Unique in the draft, stable across edits, removal and undo. */
  readonly id: string;
  /**
   * The row's number in the order rows were read, from 1, across every load (a line of a paste can hold
   * several entries, and two loads both have a line 2): what "row 12" means to a person. Stable.
   */
  readonly number: number;
  /** Which load it came from (1 for the first paste or file). */
  readonly source: number;
  /** For a repeat: the id of the row it repeats (`duplicateOf` is that row's line). */
  readonly duplicateOfId?: string;
  /** For a repeat: the `number` of the row it repeats. */
  readonly duplicateOfNumber?: number;
  /** A likely fix of a mistyped common mail domain, offered, never applied by itself. */
  readonly suggestion?: DomainSuggestion;
  /** Whether the role was chosen for this row (or came from its own role column), not the default. */
  readonly ownRole: boolean;
}

export interface DraftSummary {
  /** Rows in the draft (removed ones not counted): always valid + invalid + duplicate. */
  total: number;
  valid: number;
  invalid: number;
  /** Repeats and addresses already there (members, pending invitations). */
  duplicate: number;
  /** Of the duplicates, those the host says are already members. */
  members: number;
  /** Of the duplicates, those with a pending invitation. */
  pending: number;
  /** Rows removed (they can be restored). */
  removed: number;
  /** Rows with a typo suggestion. */
  suggestions: number;
}

export interface DraftSource {
  id: number;
  name?: string;
  rows: number;
  encoding?: TextEncodingName;
  bom?: boolean;
  mapping: MappingReport;
  ignored: readonly IgnoredLine[];
}

export type DraftStatus = 'idle' | 'loading' | 'checking' | 'ready';

export interface DraftError {
  code: IntakeErrorCode;
  /** What the message table needs to say it (see the core's messages). */
  params: IntakeErrorParams[IntakeErrorCode];
  /** The English sentence. */
  message: string;
  /** The load it ended (its name, when it had one). */
  name?: string;
}

export interface DraftSnapshot {
  /** The rows, in the order they were read. */
  readonly rows: readonly DraftRow[];
  /** Removed rows, most recent last (`restore` brings one back in its place). */
  readonly removed: readonly DraftRow[];
  readonly summary: Readonly<DraftSummary>;
  /** How the most recent load was read. */
  readonly mapping?: MappingReport;
  readonly sources: readonly DraftSource[];
  readonly status: DraftStatus;
  /** While loading: bytes and rows read so far. */
  readonly progress?: { bytes: number; rows: number; totalBytes?: number };
  /** Why the most recent load was refused (the rows already there are kept). */
  readonly error?: DraftError;
  readonly defaultRole?: string;
}

export type DraftInput = string | Blob | Uint8Array | ArrayBuffer;

export interface LoadOptions {
  signal?: AbortSignal;
  /** Shown in `sources` (a file's name). */
  name?: string;
}

export type LoadOutcome = { status: 'loaded'; rows: number } | { status: 'refused'; error: DraftError } | { status: 'cancelled' };

export interface RowPatch {
  email?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  /** A role for this row; `null` goes back to the default role. */
  role?: string | null;
}

export interface InviteDraftOptions extends Omit<CheckOptions, 'defaultRole' | 'existing' | 'maxRows'>, Pick<RowRules, 'defaultRole'> {
  /** Addresses already members or invited, known up front. */
  existing?: Iterable<ExistingEntry>;
  /**
   * Asked after each load with the new rows' valid addresses; answers which are members or have a
   * pending invitation (`{ email, status: 'member' | 'invited' }`, or plain addresses for either).
   */
  checkExisting?: (emails: string[], signal: AbortSignal) => Promise<Iterable<ExistingEntry>>;
  /** Domains to offer typo fixes for (default: common consumer mail domains); `false` offers none. */
  suggestDomains?: readonly string[] | false;
  /**
   * How a large input is read off the main thread: a factory for a Worker running the intake worker
   * (`react-bulk-invite`'s `intake/worker`), `false` to read on the calling thread. Default: a module
   * Worker where the environment has one.
   */
  worker?: (() => IntakeWorker) | false;
  /** Inputs at least this large (bytes, or characters of text) go to the worker. Default 1 MiB. */
  workerThreshold?: number;
}

export interface InviteDraft {
  getSnapshot(): DraftSnapshot;
  subscribe(listener: () => void): () => void;
  /** Reads text, a File/Blob or bytes and appends its rows. Resolves when done; never rejects for bad input. */
  load(input: DraftInput, options?: LoadOptions): Promise<LoadOutcome>;
  /** Changes a row's fields and re-checks it (and the rows sharing its old and new address). */
  edit(id: string, patch: RowPatch): void;
  /** Applies a row's typo suggestion. */
  applySuggestion(id: string): void;
  /** Takes a row out of the draft; `restore` brings it back. */
  remove(id: string): void;
  restore(id?: string): void;
  /** The role of every row that has not chosen its own. */
  setDefaultRole(role: string | undefined): void;
  /** Reads every load again with these column choices (edits made since are dropped). */
  remap(columns: ColumnOverride): Promise<LoadOutcome>;
  /** Empties the draft. */
  clear(): void;
  /** The valid rows, as `createInviteRun` takes them. */
  toInvitees(): Invitee[];
}

const EXISTING: Record<'member' | 'invited', 'ALREADY_MEMBER' | 'ALREADY_INVITED'> = { member: 'ALREADY_MEMBER', invited: 'ALREADY_INVITED' };
type ExistingCode = 'ALREADY_MEMBER' | 'ALREADY_INVITED' | 'ALREADY_EXISTS';

/** Rows added per task when a load brings many. */
const APPEND_SLICE = 5000;

/** A row and what the draft knows of it beyond the row itself. */
interface Entry {
  row: DraftRow;
  /** Position in load order; restored rows keep theirs. */
  seq: number;
  /** The row's verdict on its own (address, domains, role), before dedupe and the existing list. */
  own: { status: 'valid' | 'invalid'; code?: RowIssueCode; params?: CheckedRow['params']; message?: string };
  removed: boolean;
  /** Where its row last was in the rows array: a hint, checked before use. */
  at: number;
}

interface Source {
  id: number;
  name?: string;
  input: DraftInput;
}

/** What the draft needs of a Web Worker (structurally, so the core's types need no DOM library). */
export interface IntakeWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => unknown) | null;
  onerror: ((event: { message: string }) => unknown) | null;
}

/** Whether the environment has module Workers (browsers; not Node). */
function hasWorkers(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === 'function';
}

function sizeOf(input: DraftInput): number {
  if (typeof input === 'string') return input.length;
  if (input instanceof Blob) return input.size;
  return input.byteLength;
}

export function createInviteDraft(options: InviteDraftOptions = {}): InviteDraft {
  const listeners = new Set<() => void>();
  const rules: RowRules = {
    ...(options.roles ? { roles: options.roles } : {}),
    ...(options.allowDomains ? { allowDomains: options.allowDomains } : {}),
    ...(options.blockDomains ? { blockDomains: options.blockDomains } : {}),
  };
  const roleSpelling = options.roles ? new Map(options.roles.map((role) => [role.toLowerCase(), role])) : undefined;
  const spell = (role: string | undefined) => (role === undefined ? undefined : (roleSpelling?.get(role.trim().toLowerCase()) ?? role));
  const domains = options.suggestDomains === false ? [] : (options.suggestDomains ?? COMMON_MAIL_DOMAINS);
  const existing = new Map<string, ExistingCode>();
  const addExisting = (entries: Iterable<ExistingEntry>) => {
    for (const entry of entries) {
      if (typeof entry === 'string') existing.set(entry.trim().toLowerCase(), 'ALREADY_EXISTS');
      else existing.set(entry.email.trim().toLowerCase(), EXISTING[entry.status]);
    }
  };
  if (options.existing) addExisting(options.existing);

  let defaultRole = spell(options.defaultRole);
  let entries: Entry[] = [];
  const byId = new Map<string, Entry>();
  /** Valid-on-their-own rows by address, in load order: the first is invited, the rest repeat it. */
  const groups = new Map<string, Entry[]>();
  let sources: Source[] = [];
  let sourceInfo: DraftSource[] = [];
  let nextSeq = 0;
  let nextId = 0;
  let nextSource = 1;
  let loading: AbortController | undefined;
  let checking: AbortController | undefined;

  let snapshot: DraftSnapshot = {
    rows: [],
    removed: [],
    summary: { total: 0, valid: 0, invalid: 0, duplicate: 0, members: 0, pending: 0, removed: 0, suggestions: 0 },
    sources: [],
    status: 'idle',
    ...(defaultRole === undefined ? {} : { defaultRole }),
  };
  /** The rows array of the next snapshot, copied on first write after each publish. */
  let rows: DraftRow[] = [];
  let rowsShared = true;
  let removedRows: DraftRow[] = [];
  let summary = { ...snapshot.summary };

  function writableRows(): DraftRow[] {
    if (rowsShared) {
      rows = rows.slice();
      rowsShared = false;
    }
    return rows;
  }

  interface SnapshotPatch {
    status?: DraftStatus;
    /** `null` clears. */
    progress?: DraftSnapshot['progress'] | null;
    error?: DraftError | null;
    mapping?: MappingReport | null;
  }

  /** Makes the next snapshot (a new object; rows copied only if they changed) and tells the listeners. */
  function publish(patch: SnapshotPatch = {}): void {
    const status = patch.status ?? snapshot.status;
    const progress = patch.progress === null ? undefined : (patch.progress ?? (status === 'loading' ? snapshot.progress : undefined));
    const error = patch.error === null ? undefined : (patch.error ?? snapshot.error);
    const mapping = patch.mapping === null ? undefined : (patch.mapping ?? snapshot.mapping);
    const next: { -readonly [K in keyof DraftSnapshot]: DraftSnapshot[K] } = { rows, removed: removedRows, summary: { ...summary }, sources: sourceInfo, status };
    if (progress) next.progress = progress;
    if (error) next.error = error;
    if (mapping) next.mapping = mapping;
    if (defaultRole !== undefined) next.defaultRole = defaultRole;
    snapshot = next;
    rowsShared = true;
    for (const listener of [...listeners]) listener();
  }

  // ── counting ────────────────────────────────────────────────────────────────────────────────────────
  function count(row: DraftRow, by: 1 | -1): void {
    summary.total += by;
    summary[row.status] += by;
    if (row.code === 'ALREADY_MEMBER') summary.members += by;
    if (row.code === 'ALREADY_INVITED') summary.pending += by;
    if (row.suggestion) summary.suggestions += by;
  }

  // ── a row's verdict ─────────────────────────────────────────────────────────────────────────────────
  function ownVerdict(row: CheckedRow): Entry['own'] {
    if (row.status !== 'invalid') return { status: 'valid' };
    return { status: 'invalid', ...(row.code ? { code: row.code } : {}), ...(row.params ? { params: row.params } : {}), ...(row.message ? { message: row.message } : {}) };
  }

  /** The row as the group and the existing list make it: a new object, fields in one order. */
  function settle(entry: Entry, first: Entry | undefined): DraftRow {
    const { row } = entry;
    return compose(row, row.id, row.source, row.ownRole, row.role, row.suggestion, entry, first);
  }

  /** Builds a draft row in one go from a row's fields, its identity, and its verdict. */
  function compose(
    from: Readonly<CheckedRow>,
    id: string,
    source: number,
    ownRole: boolean,
    role: string | undefined,
    suggestion: DomainSuggestion | undefined,
    entry: Entry,
    first: Entry | undefined,
  ): DraftRow {
    const next: { -readonly [K in keyof DraftRow]?: DraftRow[K] } & Record<string, unknown> = { id, number: entry.seq + 1, source, line: from.line, raw: from.raw, email: from.email };
    if (from.name !== undefined) next.name = from.name;
    if (from.firstName !== undefined) next.firstName = from.firstName;
    if (from.lastName !== undefined) next.lastName = from.lastName;
    if (role !== undefined) next.role = role;
    next.ownRole = ownRole;
    if (from.extra !== undefined) next.extra = from.extra;
    if (from.warnings !== undefined) next.warnings = from.warnings;
    if (suggestion !== undefined) next.suggestion = suggestion;
    const { own } = entry;
    if (own.status === 'invalid') {
      next.status = 'invalid';
      if (own.code) next.code = own.code;
      if (own.params) next.params = own.params;
      if (own.message) next.message = own.message;
      return next as DraftRow;
    }
    const known = existing.get(from.email);
    if (known) {
      const params = { email: from.email };
      next.status = 'duplicate';
      next.code = known;
      next.params = params;
      next.message = formatMessage(`row.${known}`, params);
    } else if (first && first !== entry) {
      const params = { email: from.email, line: first.row.line };
      next.status = 'duplicate';
      next.code = 'DUPLICATE';
      next.params = params;
      next.message = formatMessage('row.DUPLICATE', params);
      next.duplicateOf = first.row.line;
      next.duplicateOfId = first.row.id;
      next.duplicateOfNumber = first.seq + 1;
    } else {
      next.status = 'valid';
    }
    return next as DraftRow;
  }

  /** Shows `next` where the entry's row is shown (`shown`, by default its current row), and counts it. */
  function replace(entry: Entry, next: DraftRow, shown: DraftRow = entry.row): void {
    entry.row = next;
    if (shown === next || entry.removed) return;
    count(shown, -1);
    count(next, 1);
    const list = writableRows();
    const at = positionOf(list, entry, shown);
    if (at >= 0) list[at] = next;
  }

  /** Where `shown` is in the rows: at its last known place, one off it (a removal or restore before it since), or searched. */
  function positionOf(list: readonly DraftRow[], entry: Entry, shown: DraftRow): number {
    const hint = entry.at;
    for (const at of [hint, hint - 1, hint + 1]) if (list[at] === shown) return (entry.at = at);
    return (entry.at = list.indexOf(shown));
  }

  /** Re-settles every row of one address (the group's first is the one invited). */
  function resettle(email: string): void {
    const group = groups.get(email);
    if (!group) return;
    const first = group.find((entry) => !entry.removed);
    for (const entry of group) if (!entry.removed) replace(entry, settle(entry, first));
  }

  function join(entry: Entry): void {
    if (entry.own.status !== 'valid') return;
    const email = entry.row.email;
    let group = groups.get(email);
    if (!group) groups.set(email, (group = []));
    // Keep load order: appends go last; a restored or edited row goes to its place.
    let at = group.length;
    while (at > 0 && group[at - 1]!.seq > entry.seq) at--;
    group.splice(at, 0, entry);
  }

  function leave(entry: Entry): void {
    if (entry.own.status !== 'valid') return;
    const group = groups.get(entry.row.email);
    if (!group) return;
    const at = group.indexOf(entry);
    if (at >= 0) group.splice(at, 1);
    if (group.length === 0) groups.delete(entry.row.email);
  }

  function withSuggestion(row: DraftRow): DraftRow {
    const suggestion = domains.length > 0 && row.email.includes('@') ? suggestDomain(row.email, domains) : undefined;
    if (!suggestion && !row.suggestion) return row;
    const next = { ...row } as { -readonly [K in keyof DraftRow]: DraftRow[K] };
    if (suggestion) next.suggestion = suggestion;
    else delete next.suggestion;
    return next;
  }

  function withRole(row: CheckedRow, ownRole: boolean): CheckedRow {
    if (ownRole || defaultRole === undefined) return row;
    return { ...row, role: defaultRole };
  }

  // ── loading ─────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Adds rows as read, a slice at a time with a pause between slices when there are many, so that a
   * page adding 100,000 rows never runs one long task (the snapshot is published once, at the end).
   */
  async function append(result: Pick<CheckResult, 'rows'>, source: number, signal: AbortSignal): Promise<number> {
    const all = result.rows;
    const checkpoint = entries.length;
    for (let from = 0; from < all.length; from += APPEND_SLICE) {
      if (from > 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) {
          rollBack(checkpoint);
          throw signal.reason;
        }
      }
      appendSlice(all, from, Math.min(all.length, from + APPEND_SLICE), source);
    }
    return all.length;
  }

  /** Takes out the rows appended after `checkpoint` entries (a load cancelled while adding its rows). */
  function rollBack(checkpoint: number): void {
    const list = writableRows();
    while (entries.length > checkpoint) {
      const entry = entries.pop()!;
      leave(entry);
      byId.delete(entry.row.id);
      count(entry.row, -1);
      // Appended rows have the highest read order: they are the last in the list.
      const at = positionOf(list, entry, entry.row);
      if (at >= 0) list.splice(at, 1);
    }
  }

  function appendSlice(all: readonly CheckedRow[], from: number, to: number, source: number): void {
    const list = writableRows();
    for (let i = from; i < to; i++) {
      const checked = all[i]!;
      const ownRole = checked.role !== undefined;
      const entry: Entry = { row: checked as DraftRow, seq: nextSeq++, own: ownVerdict(checked), removed: false, at: list.length };
      entries.push(entry);
      const email = checked.email;
      const valid = entry.own.status === 'valid';
      // Read last, it repeats the first row of its address if there is one; earlier rows do not change.
      const first = valid ? groups.get(email)?.find((other) => !other.removed) : undefined;
      const suggestion = domains.length > 0 ? suggestDomain(email, domains) : undefined;
      entry.row = compose(checked, `r${++nextId}`, source, ownRole, ownRole ? checked.role : defaultRole, suggestion, entry, first);
      byId.set(entry.row.id, entry);
      join(entry);
      list.push(entry.row);
      count(entry.row, 1);
    }
  }

  async function read(input: DraftInput, signal: AbortSignal, checkOptions: CheckOptions): Promise<CheckResult> {
    const useWorker = options.worker !== false && (options.worker !== undefined || hasWorkers()) && sizeOf(input) >= (options.workerThreshold ?? 1024 * 1024);
    if (useWorker) return readInWorker(input, signal, checkOptions);
    if (typeof input === 'string') return checkText(input, checkOptions);
    if (input instanceof Blob) {
      if (input.size < (options.workerThreshold ?? 1024 * 1024)) return checkFile(input, checkOptions);
      // Large, and no worker: read in chunks, yielding between them, so the page is never blocked long.
      const rows: CheckedRow[] = [];
      const reader = input.stream().getReader();
      const chunks = async function* () {
        for (;;) {
          if (signal.aborted) throw signal.reason;
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      };
      const result = await checkStream(chunks(), { ...checkOptions, totalBytes: input.size, onProgress: (progress) => publish({ progress }) }, (row) => rows.push(row));
      return { ...result, rows };
    }
    return checkBytes(input, checkOptions);
  }

  function readInWorker(input: DraftInput, signal: AbortSignal, checkOptions: CheckOptions): Promise<CheckResult> {
    // Written as `new Worker(new URL(…))` so that bundlers (Vite, webpack, this package's build) see the
    // worker and emit it; only reached where `Worker` exists.
    const worker: IntakeWorker = typeof options.worker === 'function' ? options.worker() : (new Worker(new URL('../intake/worker.ts', import.meta.url), { type: 'module' }) as unknown as IntakeWorker);
    return new Promise<CheckResult>((resolve, reject) => {
      const rows: CheckedRow[] = [];
      const stop = () => {
        worker.terminate();
        reject(signal.reason ?? new DOMException('The load was cancelled.', 'AbortError'));
      };
      signal.addEventListener('abort', stop, { once: true });
      worker.onmessage = (event) => {
        const reply = event.data as IntakeReply;
        if (reply.type === 'progress') {
          publish({ progress: { bytes: reply.bytes, rows: reply.rows, ...(reply.totalBytes === undefined ? {} : { totalBytes: reply.totalBytes }) } });
        } else if (reply.type === 'rows') {
          for (const row of reply.rows) rows.push(row);
        } else {
          signal.removeEventListener('abort', stop);
          worker.terminate();
          if (reply.type === 'done') resolve({ ...(reply.result as unknown as CheckResult), rows });
          else if (reply.code === 'UNEXPECTED') reject(new Error(reply.message));
          else reject(new IntakeError(...([reply.code, reply.params] as IntakeErrorArgs)));
        }
      };
      worker.onerror = (event) => {
        signal.removeEventListener('abort', stop);
        worker.terminate();
        reject(new Error(event.message));
      };
      // Text and bytes are copied; a File is shared with the worker, not copied.
      worker.postMessage({ input: input instanceof Uint8Array ? input.slice() : input, options: checkOptions, rows: true });
    });
  }

  function checkOptionsFor(columns?: ColumnOverride): CheckOptions {
    const { checkExisting: _c, suggestDomains: _s, worker: _w, workerThreshold: _t, existing: _e, defaultRole: _d, ...intake } = options;
    return { ...intake, ...(columns ? { columns } : {}) };
  }

  async function loadOne(input: DraftInput, loadOptions: LoadOptions, columns: ColumnOverride | undefined, signal: AbortSignal): Promise<LoadOutcome> {
    const result = await read(input, signal, checkOptionsFor(columns));
    if (signal.aborted) return { status: 'cancelled' };
    const id = nextSource++;
    sources.push({ id, input, ...(loadOptions.name ? { name: loadOptions.name } : {}) });
    sourceInfo = [
      ...sourceInfo,
      {
        id,
        ...(loadOptions.name ? { name: loadOptions.name } : {}),
        rows: result.rows.length,
        ...(result.encoding ? { encoding: result.encoding } : {}),
        ...(result.bom !== undefined ? { bom: result.bom } : {}),
        mapping: result.mapping,
        ignored: result.ignored,
      },
    ];
    const added = await append(result, id, signal);
    return { status: 'loaded', rows: added };
  }

  function refusal(error: unknown, name: string | undefined): DraftError {
    if (error instanceof IntakeError) return { code: error.code, params: error.params, message: error.message, ...(name ? { name } : {}) };
    throw error;
  }

  async function askExisting(newRows: readonly DraftRow[]): Promise<void> {
    if (!options.checkExisting) return;
    const emails = [...new Set(newRows.filter((row) => row.status === 'valid').map((row) => row.email))];
    if (emails.length === 0) return;
    checking?.abort();
    const controller = (checking = new AbortController());
    publish({ status: 'checking' });
    try {
      const answer = await options.checkExisting(emails, controller.signal);
      if (controller.signal.aborted) return;
      addExisting(answer);
      for (const email of emails) if (existing.has(email)) resettle(email);
    } finally {
      if (checking === controller) {
        checking = undefined;
        publish({ status: loading ? 'loading' : entries.length > 0 ? 'ready' : 'idle' });
      }
    }
  }

  async function load(input: DraftInput, loadOptions: LoadOptions = {}): Promise<LoadOutcome> {
    loading?.abort();
    const controller = (loading = new AbortController());
    const cancel = () => controller.abort(loadOptions.signal?.reason);
    loadOptions.signal?.addEventListener('abort', cancel, { once: true });
    if (loadOptions.signal?.aborted) cancel();
    const current = () => loading === controller;
    const settled = (patch: SnapshotPatch) => {
      if (current()) publish({ status: entries.length > 0 ? 'ready' : 'idle', progress: null, ...patch });
    };
    publish({ status: 'loading', progress: { bytes: 0, rows: 0, ...(input instanceof Blob ? { totalBytes: input.size } : {}) }, error: null });
    const before = rows.length;
    try {
      const outcome = await loadOne(input, loadOptions, undefined, controller.signal);
      if (outcome.status !== 'loaded') {
        settled({});
        return outcome;
      }
      const added = rows.slice(before);
      settled({ mapping: sourceInfo.at(-1)!.mapping });
      // Reading is over: a new load may start while the host is asked about these addresses.
      if (current()) loading = undefined;
      await askExisting(added);
      return outcome;
    } catch (error) {
      if (controller.signal.aborted) {
        settled({});
        return { status: 'cancelled' };
      }
      const refused = refusal(error, loadOptions.name);
      settled({ error: refused });
      return { status: 'refused', error: refused };
    } finally {
      loadOptions.signal?.removeEventListener('abort', cancel);
      if (current()) loading = undefined;
    }
  }

  // ── edits ───────────────────────────────────────────────────────────────────────────────────────────
  function entryOf(id: string): Entry {
    const entry = byId.get(id);
    if (!entry) throw new RangeError(`No row ${id} in the draft.`);
    return entry;
  }

  function edit(id: string, patch: RowPatch): void {
    const entry = entryOf(id);
    const shown = entry.row;
    const candidate: Record<string, unknown> = { line: shown.line, raw: shown.raw, email: patch.email ?? shown.email };
    for (const field of ['name', 'firstName', 'lastName'] as const) {
      const value = field in patch ? patch[field] : shown[field];
      if (value !== undefined && value !== '') candidate[field] = value;
    }
    const ownRole = patch.role === null ? false : patch.role !== undefined ? true : shown.ownRole;
    const role = patch.role === null ? undefined : (patch.role ?? (shown.ownRole ? shown.role : undefined));
    if (role !== undefined) candidate.role = role;
    if (shown.extra) candidate.extra = shown.extra;
    // Warnings about how the address was read no longer apply once it is typed anew.
    if (shown.warnings && patch.email === undefined) candidate.warnings = shown.warnings;
    // The row's own rules, with a checker that knows no other row: dedupe is the draft's.
    const checked = createRowChecker(rules).check(candidate as never);
    const wasValid = entry.own.status === 'valid';
    const oldEmail = shown.email;
    if (wasValid) leave(entry);
    entry.own = ownVerdict(checked);
    entry.row = withSuggestion({ ...withRole(checked, ownRole), id: shown.id, source: shown.source, ownRole } as DraftRow);
    join(entry);
    const group = entry.own.status === 'valid' ? groups.get(entry.row.email) : undefined;
    replace(entry, settle(entry, group?.find((other) => !other.removed)), shown);
    if (wasValid && oldEmail !== entry.row.email) resettle(oldEmail);
    if (entry.own.status === 'valid') resettle(entry.row.email);
    publish();
  }

  function applySuggestion(id: string): void {
    const suggestion = entryOf(id).row.suggestion;
    if (suggestion) edit(id, { email: suggestion.email });
  }

  function remove(id: string): void {
    const entry = entryOf(id);
    if (entry.removed) return;
    const list = writableRows();
    const at = positionOf(list, entry, entry.row);
    if (at >= 0) list.splice(at, 1);
    count(entry.row, -1);
    entry.removed = true;
    removedRows = [...removedRows, entry.row];
    summary.removed++;
    if (entry.own.status === 'valid') resettle(entry.row.email);
    publish();
  }

  function restore(id?: string): void {
    const target = id === undefined ? removedRows.at(-1) : removedRows.find((row) => row.id === id);
    if (!target) return;
    const entry = entryOf(target.id);
    entry.removed = false;
    removedRows = removedRows.filter((row) => row !== target);
    summary.removed--;
    // Back in its place: rows are in load order, so a binary search finds it.
    const list = writableRows();
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byId.get(list[middle]!.id)!.seq < entry.seq) low = middle + 1;
      else high = middle;
    }
    list.splice(low, 0, entry.row);
    entry.at = low;
    count(entry.row, 1);
    if (entry.own.status === 'valid') resettle(entry.row.email);
    else replace(entry, settle(entry, undefined));
    publish();
  }

  function setDefaultRole(role: string | undefined): void {
    const spelled = spell(role);
    if (spelled === defaultRole) return;
    defaultRole = spelled;
    for (const entry of entries) {
      if (entry.row.ownRole) continue;
      const next = { ...entry.row } as { -readonly [K in keyof DraftRow]: DraftRow[K] };
      if (spelled === undefined) delete next.role;
      else next.role = spelled;
      replace(entry, next);
    }
    publish();
  }

  function reset(): void {
    loading?.abort();
    checking?.abort();
    entries = [];
    nextSeq = 0;
    byId.clear();
    groups.clear();
    sources = [];
    sourceInfo = [];
    rows = [];
    rowsShared = false;
    removedRows = [];
    summary = { total: 0, valid: 0, invalid: 0, duplicate: 0, members: 0, pending: 0, removed: 0, suggestions: 0 };
  }

  async function remap(columns: ColumnOverride): Promise<LoadOutcome> {
    const previous = sources;
    reset();
    publish({ status: 'loading', mapping: null, error: null });
    const controller = (loading = new AbortController());
    let total = 0;
    try {
      for (const source of previous) {
        const outcome = await loadOne(source.input, source.name ? { name: source.name } : {}, columns, controller.signal);
        if (outcome.status !== 'loaded') return outcome;
        total += outcome.rows;
      }
      publish({ status: entries.length > 0 ? 'ready' : 'idle', mapping: sourceInfo.at(-1)?.mapping ?? null, progress: null });
      return { status: 'loaded', rows: total };
    } catch (error) {
      const refused = refusal(error, undefined);
      publish({ status: entries.length > 0 ? 'ready' : 'idle', error: refused, progress: null });
      return { status: 'refused', error: refused };
    } finally {
      if (loading === controller) loading = undefined;
    }
  }

  function clear(): void {
    reset();
    publish({ status: 'idle', error: null, progress: null, mapping: null });
  }

  function toInvitees(): Invitee[] {
    return inviteesFromRows(rows);
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,
    edit,
    applySuggestion,
    remove,
    restore,
    setDefaultRole,
    remap,
    clear,
    toInvitees,
  };
}
