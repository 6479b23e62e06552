/** The host page's own words (the kit's come from its locales): the demo's members screen in English and German. */
import type { MemberRow } from './mock.ts';

export type Language = 'en' | 'de';

export interface PageWords {
  product: string;
  nav: { overview: string; projects: string; members: string; billing: string; settings: string };
  navLabel: string;
  title: string;
  subtitle(workspace: string): string;
  counts(members: number, invited: number): string;
  tableLabel: string;
  columns: { person: string; role: string; status: string; where: string; since: string };
  status: Record<MemberRow['status'], string>;
  empty: string;
  samplesTitle: string;
  samplesHelp: string;
  samplePaste: string;
  sampleCsv: string;
  copy: string;
  copied: string;
  download: string;
}

/** Ends a sentence with the name: no second full stop after "Example Inc.". */
const sentence = (name: string) => (name.endsWith('.') ? name : `${name}.`);

const plural = (locale: string, n: number, one: string, other: string) => (new Intl.PluralRules(locale).select(n) === 'one' ? one : other);

export const PAGE_WORDS: Record<Language, PageWords> = {
  en: {
    product: 'Northwind',
    navLabel: 'Workspace',
    nav: { overview: 'Overview', projects: 'Projects', members: 'Members', billing: 'Billing', settings: 'Settings' },
    title: 'Members',
    subtitle: (workspace) => `People with access to ${sentence(workspace)}`,
    counts: (members, invited) =>
      `${members} ${plural('en', members, 'member', 'members')} · ${invited} ${plural('en', invited, 'pending invitation', 'pending invitations')}`,
    tableLabel: 'Members and invitations',
    columns: { person: 'Person', role: 'Role', status: 'Status', where: 'Access to', since: 'Since' },
    status: { member: 'Member', invited: 'Invited', expired: 'Invitation expired', declined: 'Declined' },
    empty: 'Nobody here yet.',
    samplesTitle: 'A list to try',
    samplesHelp:
      'Copy a list and paste it into "Invite people", or download the CSV and drop it there. Both hold a few typos, a repeat, an address that cannot be right, an existing member and a pending invitation.',
    samplePaste: 'Pasted from an email',
    sampleCsv: 'Spreadsheet (CSV)',
    copy: 'Copy',
    copied: 'Copied',
    download: 'Download .csv',
  },
  de: {
    product: 'Northwind',
    navLabel: 'Arbeitsbereich',
    nav: { overview: 'Übersicht', projects: 'Projekte', members: 'Mitglieder', billing: 'Abrechnung', settings: 'Einstellungen' },
    title: 'Mitglieder',
    subtitle: (workspace) => `Personen mit Zugriff auf ${sentence(workspace)}`,
    counts: (members, invited) =>
      `${members} ${plural('de', members, 'Mitglied', 'Mitglieder')} · ${invited} ${plural('de', invited, 'offene Einladung', 'offene Einladungen')}`,
    tableLabel: 'Mitglieder und Einladungen',
    columns: { person: 'Person', role: 'Rolle', status: 'Status', where: 'Zugriff auf', since: 'Seit' },
    status: { member: 'Mitglied', invited: 'Eingeladen', expired: 'Einladung abgelaufen', declined: 'Abgelehnt' },
    empty: 'Noch niemand hier.',
    samplesTitle: 'Eine Liste zum Ausprobieren',
    samplesHelp:
      'Kopieren Sie eine Liste und fügen Sie sie unter „Personen einladen“ ein, oder laden Sie die CSV-Datei herunter und ziehen Sie sie dorthin. Beide enthalten Tippfehler, eine Wiederholung, eine unmögliche Adresse, ein Mitglied und eine offene Einladung.',
    samplePaste: 'Aus einer E-Mail kopiert',
    sampleCsv: 'Tabelle (CSV)',
    copy: 'Kopieren',
    copied: 'Kopiert',
    download: '.csv herunterladen',
  },
};
