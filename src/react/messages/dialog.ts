/** The bulk-invite dialog's words (English and German). */
import type { UiMessage } from './types.ts';

export interface DialogMessages {
  /** The trigger button, and the dialog's accessible name. */
  dialogTitle: UiMessage;
}

export const dialogEn: DialogMessages = {
  dialogTitle: () => 'Invite people',
};

export const dialogDe: DialogMessages = {
  dialogTitle: () => 'Personen einladen',
};
