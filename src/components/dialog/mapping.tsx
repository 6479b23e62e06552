/**
 * The column choice, shown between compose and review when the header leaves the address column in
 * doubt (see `needsMapping`). The person picks the column; the draft reads every load again with it.
 */
import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { useDialog } from './context.ts';
import { BackButton, StepFooter } from './frame.tsx';
import { columnCandidates } from './mapping-rules.ts';

export type MappingProps = ComponentPropsWithoutRef<'div'>;

/** Renders only on the `mapping` step; `data-state`: choosing | reading. */
export const Mapping = forwardRef<HTMLDivElement, MappingProps>(function Mapping(props, ref) {
  const { step } = useDialog('Mapping');
  if (step !== 'mapping') return null;
  return <MappingStep {...props} ref={ref} />;
});

const MappingStep = forwardRef<HTMLDivElement, MappingProps>(function MappingStep({ className, ...props }, ref) {
  const { draft, snapshot, words, setStep, announce } = useDialog('Mapping');
  const id = useId();
  const mapping = snapshot.mapping;
  const candidates = mapping ? columnCandidates(mapping) : [];
  const chosen = mapping?.columns.email?.index;
  const [choice, setChoice] = useState<number | undefined>(chosen ?? candidates[0]?.index);
  const reading = snapshot.status === 'loading';

  async function apply() {
    if (choice === undefined || reading) return;
    if (choice !== chosen) {
      const outcome = await draft.remap({ email: choice });
      if (outcome.status === 'loaded') announce(words.t('rowsRead', { rows: outcome.rows }));
    }
    setStep('review');
  }

  return (
    <div ref={ref} className={className ?? 'rbi-step rbi-mapping'} data-state={reading ? 'reading' : 'choosing'} {...props}>
      <div className="rbi-body">
        <fieldset className="rbi-fieldset" aria-describedby={`${id}-hint`}>
          <legend className="rbi-legend">{words.t('mappingQuestion')}</legend>
          <p id={`${id}-hint`} className="rbi-hint">
            {words.t('mappingHint')}
          </p>
          <div className="rbi-choices">
            {candidates.map((candidate) => {
              const name = candidate.header ?? words.t('columnNumber', { column: candidate.index + 1 });
              const note = words.t(candidate.kind === 'chosen' ? 'mappingChosen' : candidate.kind === 'secondary' ? 'mappingSecondary' : 'mappingOther');
              return (
                <label key={candidate.index} className="rbi-choice">
                  <input
                    type="radio"
                    name={`${id}-column`}
                    value={candidate.index}
                    checked={choice === candidate.index}
                    onChange={() => setChoice(candidate.index)}
                    data-rbi-autofocus={choice === candidate.index ? '' : undefined}
                  />
                  <span className="rbi-choice-text">
                    <span className="rbi-choice-name">{name}</span> <span className="rbi-hint">{note}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      </div>
      <StepFooter
        start={<BackButton />}
        end={
          <>
            <button type="button" className="rbi-button rbi-button-primary" aria-disabled={reading || undefined} onClick={() => void apply()}>
              {words.t('useColumn')}
            </button>
          </>
        }
      />
    </div>
  );
});
