/**
 * `bulk-invite send`: reads a list with the intake core, sends it with the engine to one vendor, shows a
 * progress bar on stderr and writes every row's outcome to --out. Ctrl-C cancels: requests in flight are
 * aborted, unsent addresses end `pending`, and the results file is still written.
 */
import { Command, Option } from 'commander';
import {
  checkBytes,
  createInviteRun,
  IntakeError,
  inviteesFromRows,
  plan,
  type CheckResult,
  type RateLimit,
  type RunSnapshot,
} from '../core/index.ts';
import type { InviteAdapter } from '../core/contract.ts';
import { DEFAULT_RATE_LIMIT } from '../core/send/run.ts';
import { headerValueProblem, redact } from '../adapters/http.ts';
import { HEADER_PROBLEM_TEXT } from '../core/messages/en-run.ts';
import { byteSize, collect, concurrency, httpUrl, MAX_CONCURRENCY, positiveInt, positiveNumber, timeoutSeconds } from './arguments.ts';
import { readInput, UnreadableInput, write } from './input.ts';
import { createProgress } from './progress.ts';
import { checkNotInput, checkWritable, renderResults, resultsFormat, UnwritableResults, writeResultsSomewhere } from './results.ts';
import { visible } from './terminal.ts';
import { buildAdapter, UsageError, VENDOR_NAMES, VENDORS, type VendorFlags, type VendorName } from './vendors.ts';

/** Exit codes (also in the command's --help). */
export const EXIT = { ok: 0, usage: 1, unusable: 2, incomplete: 3, interrupted: 130 } as const;

interface SendFlags extends VendorFlags {
  vendor: VendorName;
  baseUrl: string;
  keyEnv: string;
  role?: string;
  out: string;
  concurrency: number;
  rate?: number;
  maxAttempts: number;
  timeout: number;
  /** --no-bom turns it off. */
  bom: boolean;
  maxBytes?: number;
}

const SEND_HELP = `
The API key is read from the environment variable named by --key-env, never from a flag, so it stays
out of shell history and process listings:
  export DIGA_KEY=...   # or: read -rs DIGA_KEY && export DIGA_KEY
  bulk-invite send --vendor diga --base-url https://api.diga.io --key-env DIGA_KEY --out results.csv team.csv

Vendor options (each named after the vendor's own field):
  diga        none: the key selects the project
  wix         --site-id ID (wix-site-id) and --policy-id ID (policyIds; repeatable): the roles to grant
  confident   --project-id ID
  athena      --website-id ID or --group-id ID (repeatable, 1-50), and --invite-method direct|email

Without --rate: Wix's and AthenaHQ's documented limits (200/min, 60/min); 10/s for Diga and Confident AI,
which publish none.
Rows are read as by \`bulk-invite check\`; their roles are checked against the vendor's, and --role is the
role of rows that name none. Only failed requests that said nothing about the request (network error,
timeout, 5xx, 429) are retried, honouring Retry-After; a refused key, permission or target stops the run.

Results (--out): one row per input row, in input order, rows the check rejected included with the reason.
  .csv   line,email,name,role,status,code,message,attempts,vendor_id (safe to open in Excel or Sheets:
         formulas neutralised, and a UTF-8 byte-order mark so Excel reads accents; --no-bom leaves it out)
  .json  {"summary": {total, sent, skipped, failed, pending, invalid, duplicate, ...},
          "outcomes": [{"line", "email", "status", "code"?, "params"?, "message"?, "vendorMessage"?, "attempts", ...}]}
  message is the reason in English, from code and params; vendorMessage (JSON only) the vendor's own words.
  status: sent | skipped (already invited or a member) | failed | pending (not sent: cancelled or
  stopped) | invalid | duplicate (the row repeats an earlier one, which is the one sent)
--out must not be the input (under any name: a symlink or hard link to it is refused too). The file is
written atomically beside its target (a symlink is written through). If it cannot be written after the
invitations went out, the results go to a file in the system's temporary folder and stderr says where.

Network: a request that never connected (refused, unknown host, unreachable) is retried, and nothing of
it was delivered. If the first 3 requests all fail to connect, the run stops ("cannot reach URL"),
every row pending, exit 2. A connection cut after the request was sent, or a timeout, may have
delivered it: such rows say so, and a retry counts "already invited" as delivered.

Ctrl-C cancels: requests in flight are aborted, unsent addresses are written as pending, and the results
file is written. A second Ctrl-C quits at once without writing it.

Exit codes:
  0  every row was sent or skipped (or repeats a row that was)
  1  usage: a missing or wrong option
  2  the input, the credentials or the target cannot be used: unreadable file, nothing to send (no
     valid row), key variable unset, empty or holding characters a header cannot carry (a line break),
     --out not writable or the input itself, the target unreachable, or the vendor refused the key or
     the target (the run stops; the results file lists the unsent rows as pending)
  3  some rows were not invited: failed, pending (cancelled with Ctrl-C) or invalid; see the results file
`;

/** Exit code for a finished (or cancelled, or stopped) run. */
export function exitCodeFor(snapshot: RunSnapshot, check: CheckResult): number {
  if (snapshot.status === 'stopped') return EXIT.unusable;
  const { failed, pending, queued, inFlight } = snapshot.counts;
  return failed + pending + queued + inFlight + check.summary.invalid > 0 ? EXIT.incomplete : EXIT.ok;
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

function summaryLine(snapshot: RunSnapshot, check: CheckResult, out: string): string {
  const { sent, skipped, failed, pending } = snapshot.counts;
  const { invalid, duplicate } = check.summary;
  const rejected = invalid + duplicate > 0 ? `; the check set aside ${count(invalid)} invalid and ${count(duplicate)} duplicate rows` : '';
  return `sent ${count(sent)}, skipped ${count(skipped)}, failed ${count(failed)}, pending ${count(pending)}${rejected}. Results: ${out}`;
}

/** The API key once read: scrubbed from everything this command prints or writes. */
let secret: string | undefined;

/** One or more lines on stderr, credential scrubbed and terminal controls shown as escapes. */
function say(...lines: string[]): void {
  process.stderr.write(lines.map((line) => `bulk-invite send: ${visible(redact(line, secret))}\n`).join(''));
}

function fail(code: number, ...lines: string[]): never {
  say(...lines);
  process.exit(code);
}

/** The base URL as messages show it: no user info, query or fragment. */
function shownUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
}

/** SIGINT / SIGTERM cancel the run once; a second one quits at once. */
function cancelOnSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) fail(EXIT.interrupted, `${name} again: quitting without writing the results.`);
    process.stderr.write('\n');
    say(`${name}: cancelling; unsent addresses will be written as pending (again to quit at once).`);
    controller.abort(new Error(`Cancelled by ${name}.`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The key from the environment, checked before any request. Messages name the variable, never the value. */
function readKey(variable: string, vendor: string): string {
  const key = process.env[variable];
  if (key === undefined) fail(EXIT.unusable, `the environment variable ${variable} is not set; it should hold the ${vendor} API key (--key-env names it).`);
  if (key.trim() === '') fail(EXIT.unusable, `the environment variable ${variable} is empty; it should hold the ${vendor} API key.`);
  const problem = headerValueProblem(key.trim());
  if (problem) {
    fail(
      EXIT.unusable,
      `the environment variable ${variable} holds ${HEADER_PROBLEM_TEXT[problem]}, which an HTTP header cannot carry; it should hold the ${vendor} API key ` +
        `alone (read from a file with more than one line, or pasted with extra characters?). Nothing was sent.`,
    );
  }
  return key.trim();
}

/** --rate, or undefined: the engine then keeps to the adapter's documented limit, else its default. */
function rateFlag(flags: SendFlags): RateLimit | undefined {
  return flags.rate === undefined ? undefined : { requests: flags.rate, per: 'second' };
}

function describeRate(rate: RateLimit): string {
  return `${count(rate.requests)} requests/${rate.per === 'second' ? 's' : rate.per === 'minute' ? 'min' : `${rate.per} ms`}`;
}

async function readList(input: string, adapter: InviteAdapter, role: string | undefined, maxBytes: number | undefined): Promise<CheckResult> {
  const defaultRole = role ?? adapter.defaultRole;
  const options = { roles: [...adapter.roles], ...(defaultRole === undefined ? {} : { defaultRole }), ...(maxBytes === undefined ? {} : { maxBytes }) };
  try {
    return checkBytes(await readInput(input, options), options);
  } catch (error) {
    if (error instanceof IntakeError || error instanceof UnreadableInput) fail(EXIT.unusable, error.message);
    throw error;
  }
}

/** Why no row can be sent, or undefined when some can. */
function nothingToSend(check: CheckResult, input: string): string | undefined {
  const { total, valid, invalid } = check.summary;
  if (valid > 0) return undefined;
  if (total === 0) return `nothing to send: ${input === '-' ? 'the input' : input} has no rows below its header.`;
  const codes = new Map<string, number>();
  for (const row of check.rows) if (row.status === 'invalid') codes.set(row.code ?? 'INVALID', (codes.get(row.code ?? 'INVALID') ?? 0) + 1);
  const why = [...codes].map(([code, n]) => `${code} ×${count(n)}`).join(', ');
  return `nothing to send: none of the ${plural(total, 'row')} is a valid address (${count(invalid)} invalid: ${why}). \`bulk-invite check ${input}\` lists them.`;
}

async function send(input: string, flags: SendFlags, command: Command): Promise<void> {
  const cancel = cancelOnSignal();
  const vendor = VENDORS[flags.vendor];
  const format = resultsFormat(flags.out);
  if (!format) command.error(`error: --out must end in .csv or .json (got ${flags.out}).`);

  let apiKey = '';
  let adapter: InviteAdapter;
  try {
    // The key is read per request, so every usage check can run before the key variable is looked at.
    adapter = buildAdapter(flags.vendor, flags, { baseUrl: flags.baseUrl, apiKey: () => apiKey, ...(flags.role ? { defaultRole: flags.role } : {}) });
    if (flags.role && !adapter.roles.some((role) => role.toLowerCase() === flags.role!.toLowerCase())) {
      throw new UsageError(`--role ${flags.role} is not a ${vendor.label} role; choose one of: ${adapter.roles.join(', ')}.`);
    }
  } catch (error) {
    if (error instanceof UsageError) command.error(`error: ${error.message}`);
    throw error;
  }
  apiKey = readKey(flags.keyEnv, vendor.label);
  secret = apiKey;

  try {
    await checkNotInput(flags.out, input);
    await checkWritable(flags.out);
  } catch (error) {
    if (error instanceof UnwritableResults) fail(EXIT.unusable, error.message);
    throw error;
  }
  const check = await readList(input, adapter, flags.role, flags.maxBytes);
  const nothing = nothingToSend(check, input);
  if (nothing) fail(EXIT.unusable, nothing);
  const invitees = inviteesFromRows(check.rows);
  const rate = rateFlag(flags);
  const requests = plan(invitees, adapter).length;
  say(
    `${plural(invitees.length, 'address', 'addresses')} to ${vendor.label} in ${plural(requests, 'request')} at ${describeRate(rate ?? adapter.rateLimit ?? DEFAULT_RATE_LIMIT)}, ` +
      `${flags.concurrency} at a time (${count(check.summary.invalid)} invalid and ${count(check.summary.duplicate)} duplicate rows set aside).`,
  );

  const run = createInviteRun(invitees);
  const progress = createProgress(invitees.length);
  const unsubscribe = run.subscribe(() => progress.update(run.getSnapshot()));
  // Resolves (never rejects) as done, cancelled or stopped, so there is always something to write.
  const final = await run.send({
    adapter,
    signal: cancel.signal,
    concurrency: flags.concurrency,
    ...(rate ? { rateLimit: rate } : {}),
    retry: { maxAttempts: flags.maxAttempts },
    timeoutMs: Math.round(flags.timeout * 1000),
  });
  unsubscribe();
  progress.update(final);
  progress.stop();

  // The vendor's words reach the file; the key never does, even if a vendor echoed it.
  const text = redact(renderResults(format, final, check.rows, { bom: flags.bom }), apiKey);
  const { written, error } = await writeResultsSomewhere(flags.out, text);
  if (error) {
    const reason = `the invitations went out but the results could not be written to ${flags.out} (${error.message})`;
    if (written) fail(EXIT.unusable, `${reason}; they were written to ${written} instead.`, summaryLine(final, check, written));
    // Nowhere to write them: stdout, the one place left.
    say(`${reason}, nor to the temporary folder; they follow on stdout.`, summaryLine(final, check, '(stdout)'));
    await write(text);
    process.exit(EXIT.unusable);
  }
  cancel.dispose();

  if (final.status === 'stopped' && final.stopReason?.code === 'CONNECT_FAILED') {
    const { message } = final.stopReason;
    say(`cannot reach ${shownUrl(flags.baseUrl)}: ${message.charAt(0).toLowerCase()}${message.slice(1)} Unsent addresses are pending.`);
  } else if (final.status === 'stopped' && final.stopReason) {
    say(`stopped: ${final.stopReason.message.replace(/\.$/, '')} (${final.stopReason.code}). Unsent addresses are pending.`);
  } else if (final.status === 'cancelled') {
    say('cancelled. Unsent addresses are pending.');
  }
  say(summaryLine(final, check, flags.out));
  process.exit(exitCodeFor(final, check));
}

export function registerSend(program: Command): void {
  program
    .command('send')
    .description('Send bulk invitations from a list to Diga, Wix, Confident AI or AthenaHQ, and write every row\'s outcome to a file.')
    .argument('<input>', 'file with the people to invite (CSV/TSV or a pasted list), or - for standard input')
    .addOption(new Option('--vendor <vendor>', 'where the invitations go').choices(VENDOR_NAMES).makeOptionMandatory())
    .addOption(new Option('--base-url <url>', "the vendor API's base URL (or a proxy, or bulk-invite mock)").argParser(httpUrl).makeOptionMandatory())
    .addOption(new Option('--key-env <var>', 'name of the environment variable holding the API key').makeOptionMandatory())
    .addOption(new Option('--out <file>', 'results file: .csv or .json').makeOptionMandatory())
    .option('--role <role>', "role for rows that name none (default: the vendor's default role)")
    .option('--project-id <id>', 'Confident AI: the project to invite to')
    .option('--site-id <id>', 'Wix: the site (wix-site-id)')
    .option('--policy-id <id>', 'Wix: a role (policy) id to grant; repeatable', collect)
    .option('--website-id <id>', 'AthenaHQ: a website to invite to; repeatable', collect)
    .option('--group-id <id>', 'AthenaHQ: a group to invite to; repeatable', collect)
    .addOption(new Option('--invite-method <method>', 'AthenaHQ: add directly or invite by email').choices(['direct', 'email']))
    .addOption(new Option('--concurrency <n>', `requests in flight at once (1-${MAX_CONCURRENCY})`).default(4).argParser(concurrency))
    .addOption(new Option('--rate <n>', "requests per second (default: the vendor's documented limit)").argParser(positiveNumber))
    .addOption(new Option('--max-attempts <n>', 'tries per request, the first included').default(5).argParser(positiveInt))
    .addOption(new Option('--timeout <seconds>', 'per-request deadline; 0 for none (at most 2,147,483: a timer\'s limit)').default(30).argParser(timeoutSeconds))
    .option('--max-bytes <size>', 'largest input read, e.g. 500MB (default 200MB)', byteSize)
    .option('--no-bom', 'CSV results: no UTF-8 byte-order mark (Excel needs it to read accents; some tools do not want it)')
    .addHelpText('after', SEND_HELP)
    .action((input: string, flags: SendFlags, command: Command) => send(input, flags, command));
}
