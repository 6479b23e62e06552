/**
 * `BulkInviteDialog`: the composed dialog, trigger and all four steps, configured by the nearest
 * `BulkInviteProvider` or by its own props (which refine the provider's). For another layout, compose
 * the parts (`BulkInviteDialog.Root`, `.Trigger`, `.Content`, …) yourself.
 */
import type { ReactNode } from 'react';
import { Close, Content, Description, Header, Steps, StopConfirm, Title, Trigger, Announcer, type ContentProps } from './frame.tsx';
import { Compose } from './compose.tsx';
import { Mapping } from './mapping.tsx';
import { Counts, DefaultRole, ErrorSummary, Review, Targets } from './review.tsx';
import { RowList } from './row-list.tsx';
import { Progress } from './progress.tsx';
import { Results } from './results.tsx';
import { Root, type RootProps } from './root.tsx';

export interface BulkInviteDialogProps extends Omit<RootProps, 'children'> {
  /** The trigger's content (default "Invite people"); `null` renders no trigger (open it with `open`). */
  trigger?: ReactNode;
  /** Props for the dialog box (a class, a portal container…). */
  contentProps?: Omit<ContentProps, 'children'>;
}

function BulkInviteDialogImpl({ trigger, contentProps, ...root }: BulkInviteDialogProps) {
  return (
    <Root {...root}>
      {trigger === null ? null : <Trigger>{trigger}</Trigger>}
      <Content {...contentProps}>
        <Header />
        <Compose />
        <Mapping />
        <Review />
        <Progress />
        <Results />
      </Content>
    </Root>
  );
}

/** The dialog and its parts, Radix style: `<BulkInviteDialog />` or `<BulkInviteDialog.Root>…`. */
export const BulkInviteDialog = Object.assign(BulkInviteDialogImpl, {
  Root,
  Trigger,
  Content,
  Header,
  Title,
  Description,
  Steps,
  Close,
  Compose,
  Mapping,
  Review,
  ErrorSummary,
  Counts,
  DefaultRole,
  Targets,
  RowList,
  Progress,
  Results,
  StopConfirm,
  Announcer,
});
