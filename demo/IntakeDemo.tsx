/**
 * The demo page until the bulk-invite dialog exists: paste a list or pick a file, see every row
 * checked by the intake core. Everything user-supplied is rendered as text.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { checkFile, checkText, IntakeError, type CheckResult } from '../src/core/index.ts';
import { SendPanel } from './SendPanel.tsx';

/** The Diga mock's roles: the send panel invites through it. */
const ROLES = ['admin', 'member', 'reader'];
const EXAMPLE = `To: "Smith, John" <john.smith@example.com>; Doe, Jane <JANE@example.com>
ann@example.org, bob@example
mailto:carl@example.net
jane@example.com`;

type State = { kind: 'idle' } | { kind: 'error'; message: string } | { kind: 'done'; result: CheckResult; source: string };

export function IntakeDemo() {
  const [text, setText] = useState(EXAMPLE);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const textId = useId();
  const fileId = useId();

  const run = (check: () => CheckResult | Promise<CheckResult>, source: string) => {
    Promise.resolve()
      .then(check)
      .then(
        (result) => setState({ kind: 'done', result, source }),
        (error: unknown) =>
          setState({ kind: 'error', message: error instanceof IntakeError ? error.message : `Unexpected error: ${String(error)}` }),
      );
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) run(() => checkFile(file, { roles: ROLES }), file.name);
  };

  return (
    <main className="demo">
      <h1>Check a list of people to invite</h1>
      <p>
        Paste addresses in any form (one per line, an Outlook or Gmail <code>To:</code> line, a CSV copied from a
        spreadsheet) or choose a CSV/TSV file. Nothing leaves this page: sending goes to a mock of Diga's invite API
        running in a service worker.
      </p>
      <div className="demo-inputs">
        <label htmlFor={textId}>Pasted list</label>
        <textarea id={textId} rows={8} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="button" onClick={() => run(() => checkText(text, { roles: ROLES }), 'pasted text')}>
          Check pasted list
        </button>
        <label htmlFor={fileId}>Or a file</label>
        <input id={fileId} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={onFile} />
      </div>
      <div role="status" aria-live="polite" aria-label="Check result" className="demo-status">
        {state.kind === 'error' && <p className="demo-error">{state.message}</p>}
        {state.kind === 'done' && <Summary result={state.result} source={state.source} />}
      </div>
      {state.kind === 'done' && <SendPanel rows={state.result.rows} />}
      {state.kind === 'done' && <Rows result={state.result} />}
    </main>
  );
}

function Summary({ result, source }: { result: CheckResult; source: string }) {
  const { total, valid, invalid, duplicate } = result.summary;
  const how =
    result.mapping.format === 'list'
      ? 'a list of addresses'
      : `a table separated by ${JSON.stringify(result.mapping.delimiter)}${result.mapping.headerLine ? `, header on line ${result.mapping.headerLine}` : ''}`;
  return (
    <p>
      {source}: {total} {total === 1 ? 'row' : 'rows'} — {valid} valid, {invalid} invalid, {duplicate} duplicate. Read as {how}
      {result.encoding ? ` (${result.encoding})` : ''}.
    </p>
  );
}

function Rows({ result }: { result: CheckResult }) {
  return (
    <table className="demo-rows">
      <caption>Every row and what became of it</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Status</th>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.slice(0, 500).map((row, i) => (
          <tr key={`${row.line}-${i}`} data-state={row.status}>
            <td>{row.line}</td>
            <td>{row.status}</td>
            <td>{row.email}</td>
            <td>{row.name ?? ''}</td>
            <td>{row.role ?? ''}</td>
            <td>{row.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
