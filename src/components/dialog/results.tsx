/**
 * The results step: what happened to each address (the results table, with its filters, search, sort
 * and "Export CSV"), "Retry failed" (only the failures a retry can fix; a sent address is never sent
 * again: the run's `retryFailed` picks them), "Copy failed addresses", "Send the rest" after a cancel or
 * a stop, and "Invite more" (back to an empty compose).
 */
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, lazy, Suspense, type ComponentPropsWithoutRef } from 'react';
import { useDialog } from './context.ts';
import { StepFooter } from './frame.tsx';
import { finalSummary } from './root.tsx';

// The table loads with the results, not with the trigger: a host's first paint stays small.
const InviteResultsTable = lazy(() => import('../results-table/index.ts').then((module) => ({ default: module.InviteResultsTable })));

export type ResultsState = 'done' | 'cancelled' | 'stopped';

export type ResultsProps = ComponentPropsWithoutRef<'div'>;

/** Copies text; falls back to a selected textarea where the async clipboard is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const active = document.activeElement as HTMLElement | null;
    (active?.closest('[role="dialog"]') ?? document.body).append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    active?.focus();
    return ok;
  }
}

/** Renders only on the `results` step; `data-state`: done | cancelled | stopped. */
export const Results = forwardRef<HTMLDivElement, ResultsProps>(function Results(props, ref) {
  const { step, runSnapshot } = useDialog('Results');
  if (step !== 'results' || !runSnapshot) return null;
  return <ResultsStep {...props} ref={ref} />;
});

const ResultsStep = forwardRef<HTMLDivElement, ResultsProps>(function ResultsStep({ className, ...props }, ref) {
  const { run, runSnapshot, snapshot, words, retryFailed, sendRest, inviteMore, announce, problems } = useDialog('Results');
  const result = runSnapshot!;
  const state: ResultsState = result.status === 'cancelled' ? 'cancelled' : result.status === 'stopped' ? 'stopped' : 'done';
  const failed = result.counts.failed;
  const rest = result.counts.pending + result.counts.queued;
  const sendProblem = problems(false).find((problem) => problem.kind === 'send');
  const stop = result.stopReason;
  // The stop's sentence from the locale's table (its params quote the vendor's words verbatim).
  const stopText = stop ? (stop.params ? words.core(`runStop.${stop.code}` as never, stop.params as never) : stop.message) : '';

  async function copyFailed() {
    const emails = result.outcomes.filter((record) => record.status === 'failed').map((record) => record.email);
    const ok = await copyText(emails.join('\n'));
    announce(ok ? words.t('copied', { count: emails.length }) : words.t('copyFailed'));
  }

  return (
    <div ref={ref} className={className ?? 'rbi-step rbi-results'} data-state={state} {...props}>
      <div className="rbi-body">
        <h3 className="rbi-step-heading" tabIndex={-1} data-rbi-autofocus="">
          {state === 'done' ? finalSummary(words, result) : words.t('stoppedHeading', { summary: finalSummary(words, result) })}
        </h3>
        {result.stopReason && (
          <p className="rbi-stop-reason" data-state="stopped">
            <span className="rbi-icon" aria-hidden="true">
              ▲
            </span>{' '}
            {words.t('stopReason')} {stopText}
          </p>
        )}
        {sendProblem?.kind === 'send' && <p className="rbi-error-text">{sendProblem.message}</p>}
        {result.retryable < failed && failed > 0 && <p className="rbi-hint">{words.t('notRetryable', { count: failed - result.retryable })}</p>}
        <Suspense fallback={<p className="rbi-hint">{words.t('loadingResults')}</p>}>
          <InviteResultsTable run={run} snapshot={result} rows={snapshot.rows} />
        </Suspense>
      </div>
      <StepFooter
        start={
          <>
            <button type="button" className="rbi-button" onClick={inviteMore}>
              {words.t('inviteMore')}
            </button>
          </>
        }
        end={
          <>
            {failed > 0 && (
              <button type="button" className="rbi-button" onClick={() => void copyFailed()}>
                {words.t('copyFailedAddresses')}
              </button>
            )}
            {rest > 0 && (
              <button type="button" className="rbi-button" onClick={sendRest}>
                {words.t('sendRest', { count: rest })}
              </button>
            )}
            {result.retryable > 0 && (
              <button type="button" className="rbi-button rbi-button-primary" onClick={retryFailed}>
                {words.t('retryFailed')}
              </button>
            )}
            <Dialog.Close className={result.retryable > 0 ? 'rbi-button' : 'rbi-button rbi-button-primary'}>{words.t('done')}</Dialog.Close>
          </>
        }
      />
    </div>
  );
});
