/**
 * The dialog's frame: the trigger, the content (portal, overlay, the one live region and the "Stop
 * sending?" question), and the header (title, step, ✕). The steps render inside `Content`.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { isActive, useDialog, type Step } from './context.ts';

/** Focuses the current step's first target (`data-rbi-autofocus`), or the content itself. */
export function focusStep(content: HTMLElement | null): void {
  if (!content) return;
  const target = content.querySelector<HTMLElement>('[data-rbi-autofocus]');
  (target ?? content).focus({ preventScroll: false });
}

/** Calls the host's handler first; ours only if it did not `preventDefault()` (Radix's rule). */
function compose<E extends { defaultPrevented: boolean }>(theirs: ((event: E) => void) | undefined, ours: (event: E) => void) {
  return (event: E) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

// ── Trigger ─────────────────────────────────────────────────────────────────────────────────────────
export type TriggerProps = ComponentPropsWithoutRef<typeof Dialog.Trigger>;

/** The button that opens the dialog ("Invite people"); `asChild` to use your own. */
export const Trigger = forwardRef<HTMLButtonElement, TriggerProps>(function Trigger({ children, className, ...props }, ref) {
  const { words, triggerMounted } = useDialog('Trigger');
  useEffect(() => {
    triggerMounted.current = true;
    return () => {
      triggerMounted.current = false;
    };
  }, [triggerMounted]);
  return (
    <Dialog.Trigger ref={ref} className={className ?? 'rbi-button rbi-button-primary rbi-trigger'} {...props}>
      {children ?? words.t('dialogTitle')}
    </Dialog.Trigger>
  );
});

// ── Content ─────────────────────────────────────────────────────────────────────────────────────────
export interface ContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content> {
  /** Where the dialog is portalled (default `document.body`). */
  container?: HTMLElement | null;
  overlayClassName?: string;
}

/**
 * The dialog box: portalled, modal, focus trapped. Holds the steps, the live region and the stop
 * question. `data-state` is Radix's `open | closed`; `data-step` the step.
 */
export const Content = forwardRef<HTMLDivElement, ContentProps>(function Content(
  { children, className, container, overlayClassName, onOpenAutoFocus, onCloseAutoFocus, onEscapeKeyDown, onDragOver, onDrop, ...props },
  ref,
) {
  const dialog = useDialog('Content');
  const { step, open, contentRef, triggerMounted, returnFocus } = dialog;

  // A new step takes the focus where it starts (opening is Radix's onOpenAutoFocus, below).
  const shown = useRef<{ step: Step; open: boolean }>({ step, open });
  useEffect(() => {
    const before = shown.current;
    shown.current = { step, open };
    if (open && before.open && before.step !== step) focusStep(contentRef.current);
  }, [step, open, contentRef]);

  // A file dropped beside the drop zone must not make the browser leave the page to show it.
  const keepDrop = (event: React.DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };

  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay className={overlayClassName ?? 'rbi-overlay'} onDragOver={keepDrop} onDrop={keepDrop} />
      <Dialog.Content
        ref={(node) => {
          contentRef.current = node;
          if (typeof ref === 'function') ref(node);
          else if (ref) ref.current = node;
        }}
        className={className ?? 'rbi-dialog'}
        data-step={step}
        onOpenAutoFocus={compose(onOpenAutoFocus, (event) => {
          event.preventDefault();
          focusStep(contentRef.current);
        })}
        onCloseAutoFocus={compose(onCloseAutoFocus, (event) => {
          // Radix gives the focus back to its trigger; opened without one (controlled), to what had it.
          if (triggerMounted.current) return;
          event.preventDefault();
          if (returnFocus.current?.isConnected) returnFocus.current.focus();
        })}
        onEscapeKeyDown={compose(onEscapeKeyDown, (event) => {
          // Escape in a row's field with an unsaved edit undoes the edit, not the dialog.
          if ((event.target as Element | null)?.closest?.('[data-rbi-dirty]')) event.preventDefault();
        })}
        onDragOver={compose(onDragOver, keepDrop)}
        onDrop={compose(onDrop, keepDrop)}
        {...props}
      >
        {children}
        <Announcer />
        <StopConfirm />
      </Dialog.Content>
    </Dialog.Portal>
  );
});

// ── Header, Title, Description, Steps, Close ─────────────────────────────────────────────────────────
export type HeaderProps = ComponentPropsWithoutRef<'div'>;

/** The title, what this step is for, where the person is (1 Add · 2 Review · 3 Send), and ✕. */
export const Header = forwardRef<HTMLDivElement, HeaderProps>(function Header({ className, children, ...props }, ref) {
  const { step } = useDialog('Header');
  return (
    <div ref={ref} className={className ?? 'rbi-header'} data-state={step} {...props}>
      <div className="rbi-header-text">
        <Title />
        <Description />
      </div>
      <Steps />
      {children}
      <Close />
    </div>
  );
});

export type TitleProps = ComponentPropsWithoutRef<typeof Dialog.Title>;

/** "Invite people": the dialog's accessible name. */
export const Title = forwardRef<HTMLHeadingElement, TitleProps>(function Title({ className, children, ...props }, ref) {
  const { words } = useDialog('Title');
  return (
    <Dialog.Title ref={ref} className={className ?? 'rbi-title'} {...props}>
      {children ?? words.t('dialogTitle')}
    </Dialog.Title>
  );
});

export type DescriptionProps = ComponentPropsWithoutRef<typeof Dialog.Description>;

const STEP_DESCRIPTION = {
  compose: 'composeDescription',
  mapping: 'mappingDescription',
  review: 'reviewDescription',
  sending: 'sendingDescription',
  results: 'resultsDescription',
} as const;

/** One line on what the current step is for; the dialog's description. */
export const Description = forwardRef<HTMLParagraphElement, DescriptionProps>(function Description({ className, children, ...props }, ref) {
  const { words, step } = useDialog('Description');
  return (
    <Dialog.Description ref={ref} className={className ?? 'rbi-description'} {...props}>
      {children ?? words.t(STEP_DESCRIPTION[step])}
    </Dialog.Description>
  );
});

export type StepsProps = ComponentPropsWithoutRef<'ol'>;

const STEP_INDEX: Record<Step, 0 | 1 | 2> = { compose: 0, mapping: 0, review: 1, sending: 2, results: 2 };

/** 1 Add · 2 Review · 3 Send, the current one marked `aria-current="step"`. */
export const Steps = forwardRef<HTMLOListElement, StepsProps>(function Steps({ className, ...props }, ref) {
  const { words, step } = useDialog('Steps');
  const names = [words.t('stepAdd'), words.t('stepReview'), words.t('stepSend')];
  const current = STEP_INDEX[step];
  return (
    <ol ref={ref} className={className ?? 'rbi-steps'} aria-label={words.t('stepsLabel')} data-state={step} {...props}>
      {names.map((name, index) => (
        <li key={index} className="rbi-steps-item" aria-current={index === current ? 'step' : undefined} data-state={index < current ? 'done' : index === current ? 'current' : 'upcoming'}>
          <span className="rbi-steps-number" aria-hidden="true">
            {words.intl.number(index + 1)}
          </span>{' '}
          {name}
        </li>
      ))}
    </ol>
  );
});

export type CloseProps = ComponentPropsWithoutRef<typeof Dialog.Close>;

/** ✕ (named "Close"). While sending it asks first, like Escape and a click outside. */
export const Close = forwardRef<HTMLButtonElement, CloseProps>(function Close({ className, children, ...props }, ref) {
  const { words } = useDialog('Close');
  return (
    <Dialog.Close ref={ref} className={className ?? 'rbi-close'} aria-label={words.t('close')} {...props}>
      {children ?? (
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" focusable="false">
          <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" fill="none" />
        </svg>
      )}
    </Dialog.Close>
  );
});

// ── The live region ──────────────────────────────────────────────────────────────────────────────────
/**
 * The dialog's one polite live region (the pattern of Downshift's `setA11yStatus` and React Aria's
 * `LiveAnnouncer`): every announcement is a new node, so a repeated sentence is read again. The last
 * one stays until the next (tests and late screen readers can read it).
 */
export function Announcer({ className }: { className?: string }) {
  const { announcement } = useDialog('Announcer');
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={className ?? 'rbi-visually-hidden'} data-rbi-announcer="">
      {announcement.text ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}

// ── Stop sending? ───────────────────────────────────────────────────────────────────────────────────
/** "Stop sending? 40 of 120 sent": asked by Cancel, Escape, ✕ or a click outside while sending. */
export function StopConfirm(): ReactNode {
  const { stopAsked, answerStop, runSnapshot, words, contentRef } = useDialog('StopConfirm');
  const keep = useRef<HTMLButtonElement>(null);
  const open = stopAsked && isActive(runSnapshot);
  if (!runSnapshot) return null;
  const { sent, queued, inFlight, pending } = runSnapshot.counts;
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : answerStop(false))}>
      <Dialog.Portal container={contentRef.current?.parentElement ?? undefined}>
        <Dialog.Overlay className="rbi-overlay rbi-overlay-confirm" />
        <Dialog.Content
          role="alertdialog"
          className="rbi-dialog rbi-confirm"
          data-state={open ? 'open' : 'closed'}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            keep.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            // Back to the sending step's own focus target, or the results' once stopped.
            event.preventDefault();
            focusStep(contentRef.current);
          }}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
        >
          <Dialog.Title className="rbi-title">{words.t('stopTitle', { sent, total: runSnapshot.total })}</Dialog.Title>
          <Dialog.Description className="rbi-confirm-text">{words.t('stopDescription', { left: queued + inFlight + pending })}</Dialog.Description>
          <div className="rbi-footer rbi-confirm-footer">
            <button type="button" ref={keep} className="rbi-button" onClick={() => answerStop(false)}>
              {words.t('keepSending')}
            </button>
            <button type="button" className="rbi-button rbi-button-danger" onClick={() => answerStop(true)}>
              {words.t('stopSending')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A step's footer: what goes back or away at the start, what goes on at the end. */
/** "Back": returns to the compose step, where the list can be changed (the mapping and review steps). */
export function BackButton(): ReactNode {
  const { words, setStep } = useDialog('BackButton');
  return (
    <button type="button" className="rbi-button" onClick={() => setStep('compose')}>
      {words.t('back')}
    </button>
  );
}

export function StepFooter({ start, end }: { start: ReactNode; end: ReactNode }): ReactNode {
  return (
    <div className="rbi-footer">
      <div className="rbi-footer-start">{start}</div>
      <div className="rbi-footer-end">{end}</div>
    </div>
  );
}
