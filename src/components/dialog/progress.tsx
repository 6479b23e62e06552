/**
 * The sending step: a progress bar (`role="progressbar"`, `aria-valuenow` = addresses done), counts that
 * always add up to the addresses sent, "Paused by the rate limit — resuming in N s" while a 429's wait
 * runs (the run resumes by itself), Pause / Resume, and Cancel, which asks first. The live region's
 * progress (at most once a second, and once at the end) is `Root`'s, so it outlives this step.
 */
import { forwardRef, useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { isActive, useDialog, type LiveRunSnapshot } from './context.ts';
import { StepFooter } from './frame.tsx';

export type ProgressState = 'sending' | 'paused' | 'waiting' | 'done';

export type ProgressProps = ComponentPropsWithoutRef<'div'>;

/**
 * Seconds left until the run's rate-limit wait ends, re-rendered once a second. The time is read at each
 * render: a `now` kept in state would be as old as the previous wait's last tick when a new wait starts,
 * and the first frame would say a wait seconds too long.
 */
function useSecondsLeft(snapshot: LiveRunSnapshot | undefined): number | undefined {
  const until = snapshot?.waiting?.until;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === undefined ? undefined : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Renders only on the `sending` step; `data-state`: sending | paused | waiting | done. */
export const Progress = forwardRef<HTMLDivElement, ProgressProps>(function Progress(props, ref) {
  const { step, runSnapshot } = useDialog('Progress');
  if (step !== 'sending' || !runSnapshot) return null;
  return <ProgressStep {...props} ref={ref} />;
});

const ProgressStep = forwardRef<HTMLDivElement, ProgressProps>(function ProgressStep({ className, ...props }, ref) {
  const { runSnapshot, words, pause, resume, askStop } = useDialog('Progress');
  const snapshot = runSnapshot!;
  const seconds = useSecondsLeft(snapshot);
  const { sent, skipped, failed, queued, inFlight, pending } = snapshot.counts;
  const done = sent + skipped + failed;
  const total = snapshot.total;
  const state: ProgressState = !isActive(snapshot) ? 'done' : snapshot.status === 'paused' ? 'paused' : seconds !== undefined ? 'waiting' : 'sending';
  const { intl } = words;

  const counts: { key: string; label: string; value: number }[] = [
    { key: 'sent', label: words.t('statusSent'), value: sent },
    { key: 'skipped', label: words.t('countSkipped'), value: skipped },
    { key: 'failed', label: words.t('statusFailed'), value: failed },
    { key: 'in-flight', label: words.t('statusInFlight'), value: inFlight },
    { key: 'queued', label: words.t('statusQueued'), value: queued },
    { key: 'pending', label: words.t('statusNotSent'), value: pending },
  ];

  return (
    <div ref={ref} className={className ?? 'rbi-step rbi-progress'} data-state={state} {...props}>
      <div className="rbi-body">
        <h3 className="rbi-step-heading" tabIndex={-1} data-rbi-autofocus="">
          {state === 'paused' ? words.t('pausedHeading') : words.t('sendingHeading', { total })}
        </h3>
        <div
          role="progressbar"
          className="rbi-progressbar rbi-progressbar-large"
          aria-label={words.t('progressLabel')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={words.t('progressStatus', { sent, total, failed })}
          data-state={done === total ? 'complete' : 'loading'}
          data-value={done}
          data-max={total}
        >
          <div className="rbi-progressbar-fill" style={{ transform: `scaleX(${total === 0 ? 1 : done / total})` }} />
        </div>
        <p className="rbi-progress-text">
          {words.t('progressLine', { sent, total, failed })}
        </p>
        {seconds !== undefined && (
          <p className="rbi-waiting" data-state="waiting">
            <span className="rbi-icon" aria-hidden="true">
              ◷
            </span>{' '}
            {words.t('rateLimited', { seconds })}
          </p>
        )}
        <dl className="rbi-tally" aria-label={words.t('tallyLabel', { total })}>
          {counts.map((count) => (
            <div key={count.key} className="rbi-tally-item" data-state={count.key}>
              <dt>{count.label}</dt>
              <dd>{intl.number(count.value)}</dd>
            </div>
          ))}
          <div className="rbi-tally-item rbi-tally-total" data-state="total">
            <dt>{words.t('total')}</dt>
            <dd>{intl.number(total)}</dd>
          </div>
        </dl>
      </div>
      <StepFooter
        start={
          <>
            <button type="button" className="rbi-button" onClick={askStop} disabled={!isActive(snapshot)}>
              {words.t('cancel')}
            </button>
          </>
        }
        end={
          <>
            {snapshot.status === 'paused' ? (
              <button type="button" className="rbi-button rbi-button-primary" onClick={resume}>
                {words.t('resume')}
              </button>
            ) : (
              <button type="button" className="rbi-button" onClick={pause} disabled={!isActive(snapshot)}>
                {words.t('pause')}
              </button>
            )}
          </>
        }
      />
    </div>
  );
});
