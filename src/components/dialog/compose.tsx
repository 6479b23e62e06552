/**
 * The compose step: a labelled textarea to paste into, and a native file input (Enter or Space opens the
 * picker) that also takes a drop anywhere on the step. Large input is read by the draft in its Web
 * Worker; while it reads, a progress bar shows the rows read and a button cancels. A refused file is
 * announced in the live region and shown here; the rows already in the list stay.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type DragEvent } from 'react';
import type { DraftError } from '../../core/index.ts';
import type { Words } from '../../react/index.ts';
import { useDialog } from './context.ts';
import { StepFooter } from './frame.tsx';

/**
 * A paste longer than this (UTF-16 code units, about 5,000 rows) goes straight to the draft, as a dropped
 * file does, instead of into the box: laying out megabytes in a textarea blocks a browser's main thread
 * for seconds (Chromium: 2 s for 100,000 rows), and the draft reads it in its Worker.
 */
export const LARGE_PASTE = 200_000;

export type ComposeState = 'idle' | 'loading' | 'refused' | 'ready';

export interface ComposeProps extends ComponentPropsWithoutRef<'div'> {
  /** The textarea's placeholder (default: the words' `composePlaceholder`). */
  placeholder?: string;
}

/** The refused load's reason, in the locale's words (the core's message table). */
export function refusalText(words: Words, error: DraftError): string {
  const reason = words.core(`intakeError.${error.code}` as 'intakeError.EMPTY_INPUT', error.params as never);
  return error.name ? words.t('fileRefused', { name: error.name, reason }) : reason;
}

/** The first step. Renders only while the dialog is on it; `data-state`: idle | loading | refused | ready. */
export const Compose = forwardRef<HTMLDivElement, ComposeProps>(function Compose(props, ref) {
  const { step } = useDialog('Compose');
  if (step !== 'compose') return null;
  return <ComposeStep {...props} ref={ref} />;
});

const ComposeStep = forwardRef<HTMLDivElement, ComposeProps>(function ComposeStep({ placeholder, className, ...props }, ref) {
  const { draft, snapshot, words, announce, advance } = useDialog('Compose');
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const loading = useRef<AbortController | undefined>(undefined);
  const [hasText, setHasText] = useState(false);
  const [emptyError, setEmptyError] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [readingName, setReadingName] = useState<string | undefined>(undefined);

  const isLoading = snapshot.status === 'loading';
  const state: ComposeState = isLoading ? 'loading' : snapshot.error ? 'refused' : snapshot.rows.length > 0 ? 'ready' : 'idle';
  const ids = { hint: `${id}-hint`, empty: `${id}-empty`, error: `${id}-error`, fileHint: `${id}-file-hint` };

  /** Reads one input into the draft; says how it went. True when it was read. */
  async function read(input: string | File, name?: string): Promise<boolean> {
    const controller = new AbortController();
    loading.current = controller;
    setReadingName(name);
    try {
      const outcome = await draft.load(input, { signal: controller.signal, ...(name ? { name } : {}) });
      if (outcome.status === 'refused') {
        announce(refusalText(words, outcome.error));
        return false;
      }
      if (outcome.status === 'cancelled') {
        announce(words.t('readingCancelled'));
        return false;
      }
      announce(words.t('rowsRead', { rows: outcome.rows, ...(name ? { name } : {}) }));
      return true;
    } finally {
      if (loading.current === controller) loading.current = undefined;
      setReadingName(undefined);
    }
  }

  /**
   * Reads whole lists (files, or a paste too large for the box) one after another, then goes on to the
   * review, unless one was refused or something typed here is still to be read.
   */
  async function readLists(lists: ReadonlyArray<{ input: string | File; name?: string }>) {
    if (lists.length === 0 || isLoading) return;
    setEmptyError(false);
    let all = true;
    for (const { input, name } of lists) {
      if (!(await read(input, name))) {
        all = false;
        break;
      }
    }
    if (fileInput.current) fileInput.current.value = '';
    if (all && !textarea.current?.value.trim()) advance();
  }

  const readFiles = (files: readonly File[]) => readLists(files.map((file) => ({ input: file, name: file.name })));

  async function review() {
    if (isLoading) return;
    const text = textarea.current?.value ?? '';
    if (text.trim() !== '') {
      if (!(await read(text))) return;
      if (textarea.current) textarea.current.value = '';
      setHasText(false);
    }
    if (draft.getSnapshot().rows.length === 0) {
      setEmptyError(true);
      textarea.current?.focus();
      return;
    }
    advance();
  }

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    void readFiles([...event.dataTransfer.files]);
  };

  const progress = snapshot.progress;
  const percent = progress?.totalBytes ? Math.min(100, Math.round((progress.bytes / progress.totalBytes) * 100)) : undefined;
  const describedBy = [ids.hint, emptyError ? ids.empty : undefined].filter(Boolean).join(' ');

  return (
    <div
      ref={ref}
      className={className ?? 'rbi-step rbi-compose'}
      data-state={state}
      data-drop={dragging ? 'over' : undefined}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      {...props}
    >
      <div className="rbi-body">
        <div className="rbi-field">
          <label htmlFor={`${id}-text`} className="rbi-label">
            {words.t('recipientsLabel')}
          </label>
          <p id={ids.hint} className="rbi-hint">
            {words.t('recipientsHint')}
          </p>
          <textarea
            ref={textarea}
            id={`${id}-text`}
            className="rbi-textarea"
            rows={7}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder={placeholder ?? words.t('composePlaceholder')}
            aria-describedby={describedBy}
            aria-invalid={emptyError || undefined}
            data-rbi-autofocus=""
            onInput={(event) => {
              const filled = event.currentTarget.value.trim() !== '';
              if (filled !== hasText) setHasText(filled);
              if (filled && emptyError) setEmptyError(false);
            }}
            onPaste={(event) => {
              const text = event.clipboardData.getData('text/plain');
              if (text.length <= LARGE_PASTE) return;
              event.preventDefault();
              void readLists([{ input: text }]);
            }}
            onKeyDown={(event) => {
              // Ctrl/⌘+Enter: on to the review, as a form's submit.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void review();
              }
            }}
          />
          {emptyError && (
            <p id={ids.empty} className="rbi-error-text">
              {words.t('nothingToReview')}
            </p>
          )}
        </div>

        <div className="rbi-upload">
          <span className="rbi-upload-or" aria-hidden="true">
            {words.t('or')}
          </span>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            className="rbi-file-input"
            aria-describedby={ids.fileHint}
            disabled={isLoading}
            onChange={(event) => void readFiles([...(event.currentTarget.files ?? [])])}
          />
          <label htmlFor={`${id}-file`} className="rbi-button rbi-file-label" data-disabled={isLoading ? '' : undefined}>
            {words.t('uploadLabel')}
          </label>
          <span id={ids.fileHint} className="rbi-hint">
            {words.t('uploadHint')}
          </span>
          <span className="rbi-drop-hint" aria-hidden="true">
            {words.t('dropHint')}
          </span>
        </div>

        {isLoading && (
          <div className="rbi-loading" data-state="loading">
            <div
              role="progressbar"
              className="rbi-progressbar"
              aria-label={words.t('readingLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              {...(percent === undefined ? {} : { 'aria-valuenow': percent })}
              aria-valuetext={words.t('readingRows', { rows: progress?.rows ?? 0 })}
              data-state={percent === undefined ? 'indeterminate' : 'loading'}
            >
              <div className="rbi-progressbar-fill" style={percent === undefined ? undefined : { transform: `scaleX(${percent / 100})` }} />
            </div>
            <p className="rbi-loading-text">
              {readingName ? words.t('readingFile', { name: readingName, rows: progress?.rows ?? 0 }) : words.t('readingRows', { rows: progress?.rows ?? 0 })}
            </p>
            <button type="button" className="rbi-button rbi-button-quiet" onClick={() => loading.current?.abort()}>
              {words.t('cancelReading')}
            </button>
          </div>
        )}

        {!isLoading && snapshot.error && (
          <p id={ids.error} className="rbi-error-text rbi-refused" data-state="refused">
            <span className="rbi-icon" aria-hidden="true">
              ▲
            </span>{' '}
            {refusalText(words, snapshot.error)}
          </p>
        )}

        {snapshot.rows.length > 0 && !isLoading && (
          <p className="rbi-hint rbi-in-list">{words.t('rowsInList', { rows: snapshot.rows.length })}</p>
        )}
      </div>

      <StepFooter
        start={
          <>
            <Dialog.Close className="rbi-button">{words.t('cancel')}</Dialog.Close>
          </>
        }
        end={
          <>
            <button type="button" className="rbi-button rbi-button-primary" aria-disabled={isLoading || undefined} onClick={() => void review()}>
              {words.t('review')}
            </button>
          </>
        }
      />
    </div>
  );
});
