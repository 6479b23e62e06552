/**
 * One export per product that people invite from (meeting tools, event platforms, CRMs, school and HR
 * rosters, hand-kept lists), read end to end through `checkBytes`. Each pins the columns chosen, the
 * invitees found, the rows left without an address, and the addresses that must never become
 * invitees (home, buyer, manager, login columns). See fixtures/README.md for where each file's shape
 * comes from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes } from './check.ts';
import type { TextEncodingName } from './decode.ts';

interface ExportCase {
  file: string;
  encoding: TextEncodingName;
  bom: boolean;
  /** Line of the header row (1-based). */
  headerLine: number;
  /** The header of the column chosen for each person field; absent: no column. */
  columns: { email?: string; name?: string; firstName?: string; lastName?: string };
  /** Every valid row, in order: address and name (null: nameless). */
  valid: Array<[string, string | null]>;
  /** Names of the rows reported MISSING_EMAIL (null: nameless). */
  missing: Array<string | null>;
  /** Whether `missing` lists them all, or the file's non-person lines (a report footer…) may add some. */
  missingExact: boolean;
  /** Addresses repeated (DUPLICATE), in order. */
  duplicates: string[];
  /** Addresses in the file that are not the invitee's (home, buyer, manager, login…): never a row's address. */
  never: string[];
}

const CASES: ExportCase[] = [
  {
    file: 'zoom-participants.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 4,
    columns: { email: 'User Email', name: 'Name (Original Name)' },
    valid: [
      ['dana.ortiz@example.com', 'Dana Ortiz'],
      ['lee.chen@example.com', 'Lee (Lee Chen)'],
      ['marta.kowalska@example.org', 'Marta Kowalska'],
    ],
    missing: ['iPhone (Sam Patel)'],
    missingExact: true,
    duplicates: ['lee.chen@example.com'],
    // The meeting table's "User Email" is the host's.
    never: ['host.owner@example.com'],
  },
  {
    file: 'zoom-registration.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['aiko.tanaka@example.com', 'Aiko Tanaka'],
      ['bruno.silva@example.org', 'Bruno Silva'],
      ['chloe.martin@example.net', 'Chloé Martin'],
    ],
    missing: [],
    missingExact: true,
    duplicates: ['aiko.tanaka@example.com'],
    never: [],
  },
  {
    file: 'teams-attendance.csv',
    encoding: 'utf-16le',
    bom: true,
    headerLine: 10,
    columns: { email: 'Email', name: 'Name' },
    valid: [
      ['priya.raman@example.com', 'Priya Raman'],
      ['tomas.ruiz@example.com', 'Tomás Ruiz'],
      ['zhang.wei@example.org', 'Zhang Wei'],
    ],
    missing: ['Alex Morgan (Unverified)'],
    // The "3. In-Meeting Activities" section below the table lists the same people again.
    missingExact: false,
    duplicates: [],
    // "Participant ID (UPN)" is a sign-in name.
    never: ['truiz@corp.example.com'],
  },
  {
    file: 'meet-attendance.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email', firstName: 'First name', lastName: 'Last name' },
    valid: [
      ['olu.adeyemi@example.com', 'Olu Adeyemi'],
      ['grace.oneill@example.com', "Grace O'Neill"],
      ['hana.kim@example.org', 'Hana Kim'],
    ],
    missing: ['+1 415-***-**99', 'Jonas Berg'],
    missingExact: true,
    duplicates: [],
    never: [],
  },
  {
    file: 'eventbrite-attendees.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['ana.souza@example.com', 'Ana Souza'],
      ['ben.carter@example.org', 'Ben Carter'],
      ['lena.fischer@example.net', 'Lena Fischer'],
    ],
    // Rui's ticket was bought by Ana: his row is his, without an address, not hers.
    missing: ['Rui Costa'],
    missingExact: true,
    duplicates: ['ana.souza@example.com'],
    never: ['office@example.net'],
  },
  {
    file: 'meetup-members.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { name: 'Name' },
    valid: [],
    // Meetup exports no addresses; an address in a note names nobody.
    missing: ['Kofi Mensah', 'Sofia Rossi', 'J.', 'Priyanka'],
    missingExact: true,
    duplicates: [],
    never: ['sofia.rossi@example.com'],
  },
  {
    file: 'luma-guests.csv',
    encoding: 'utf-8',
    bom: true,
    headerLine: 1,
    columns: { email: 'email', name: 'name', firstName: 'first_name', lastName: 'last_name' },
    valid: [
      ['nadia.haddad@example.com', 'Nadia Haddad'],
      ['ghost.guest@example.org', null],
      ['maria.lopez@example.net', 'Lopez, Maria'],
    ],
    missing: [],
    missingExact: true,
    duplicates: [],
    never: [],
  },
  {
    file: 'salesforce-report.csv',
    encoding: 'windows-1252',
    bom: false,
    headerLine: 1,
    columns: { email: 'Contact: Email', name: 'Contact: Full Name' },
    valid: [
      ['zoe.agren@example.com', 'Zoë Ågren'],
      ['j.weiss@example.org', 'Jürgen Weiß'],
      ['kwame.boateng@example.net', 'Kwame Boateng'],
    ],
    missing: ['Amélie Dubois'],
    // The report's footer lines follow the rows.
    missingExact: false,
    duplicates: ['zoe.agren@example.com'],
    never: [],
  },
  {
    file: 'pipedrive-persons.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Person - Email - Work', name: 'Person - Name', firstName: 'Person - First name', lastName: 'Person - Last name' },
    valid: [
      ['irene@novaklabs.example.com', 'Irene Novak'],
      ['fatima.zahra@example.com', 'Fatima Zahra'],
    ],
    // Marcus has only a home address.
    missing: ['Marcus Lee'],
    missingExact: true,
    duplicates: ['irene@novaklabs.example.com'],
    never: ['irene.novak@example.net', 'marcus.lee@example.org', 'fz@example.org'],
  },
  {
    file: 'zoho-contacts.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['hugo.lefevre@example.com', 'Hugo Lefèvre'],
      ['lin.zhou@example.com', 'Lin Zhou'],
    ],
    // Aroha has only a secondary address.
    missing: ['Aroha Ngata'],
    missingExact: true,
    duplicates: [],
    never: ['hugo.perso@example.net', 'aroha.ngata@example.org'],
  },
  {
    file: 'mailchimp-audience.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email Address', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['rosa.mendes@example.com', 'Rosa Mendes'],
      ['no.name@example.org', null],
      ['ken.ito@example.net', 'Ken Ito'],
    ],
    missing: [],
    missingExact: true,
    duplicates: [],
    never: [],
  },
  {
    file: 'canvas-gradebook.csv',
    encoding: 'utf-8',
    bom: true,
    headerLine: 1,
    columns: { name: 'Student' },
    valid: [],
    // "SIS Login ID" is a sign-in name, even where it looks like an address.
    missing: ['Okafor, Chidi', 'Nguyen, Mai', 'Ali, Zainab', 'Student, Test'],
    // Canvas's "Points Possible" row follows the header.
    missingExact: false,
    duplicates: [],
    never: ['cokafor@students.example.edu', 'zainab.ali@students.example.edu'],
  },
  {
    file: 'moodle-participants.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email address', firstName: 'First name', lastName: 'Surname' },
    valid: [
      ['ingrid.larsen@uni.example.edu', 'Ingrid Larsen'],
      ['mateo.garcia@uni.example.edu', 'Mateo García'],
      ['ama.owusu@partner.example.org', 'Ama Owusu'],
    ],
    missing: ['Yuki Sato'],
    missingExact: true,
    duplicates: [],
    never: [],
  },
  {
    file: 'classroom-roster.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email Address', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['diego.alvarez@school.example.org', 'Diego Alvarez'],
      ['kiara.brown@school.example.org', 'Kiara Brown'],
      ['emre.celik@school.example.org', 'Emre Çelik'],
    ],
    missing: [],
    missingExact: true,
    duplicates: [],
    never: [],
  },
  {
    file: 'bamboohr-employees.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Work Email', firstName: 'First Name', lastName: 'Last Name' },
    valid: [
      ['eleanor.vance@corp.example.com', 'Eleanor Vance'],
      ['omar.haddad@corp.example.com', 'Omar Haddad'],
      ['sven.olsen@corp.example.com', 'Sven Olsen'],
    ],
    // Grace has only a home address.
    missing: ['Grace Liu'],
    missingExact: true,
    duplicates: [],
    never: ['ellie.v@example.net', 'grace.liu@example.org'],
  },
  {
    file: 'workday-workers.csv',
    encoding: 'utf-8',
    bom: false,
    headerLine: 1,
    columns: { email: 'Email - Primary Work', name: 'Worker' },
    valid: [
      ['aisha.bello@corp.example.com', 'Aisha Bello'],
      ['carlos.mendez@corp.example.com', 'Carlos Mendez'],
    ],
    missing: ['Pieter de Vries'],
    missingExact: true,
    duplicates: [],
    never: ['aisha.b@example.net', 'pieter.devries@example.org'],
  },
  {
    file: 'hand-kept-list.csv',
    encoding: 'utf-8',
    bom: true,
    headerLine: 1,
    columns: { email: 'E-mail (required)', name: 'Attendee' },
    valid: [
      ['sarah.obrien@example.com', "Sarah O'Brien"],
      ['no.name@example.org', null],
      ['ken.nakamura@example.net', 'Nakamura, Ken'],
    ],
    missing: ['Diego Ramos'],
    missingExact: true,
    duplicates: ['sarah.obrien@example.com'],
    never: ['lead.platform@example.com', 'lead.data@example.com'],
  },
];

const PERSON_FIELDS = ['email', 'name', 'firstName', 'lastName'] as const;

function read(file: string) {
  return checkBytes(new Uint8Array(readFileSync(new URL(`./fixtures/${file}`, import.meta.url))));
}

describe.each(CASES)('$file', (c) => {
  it('is decoded as the product writes it', () => {
    const result = read(c.file);
    expect({ encoding: result.encoding, bom: result.bom }).toEqual({ encoding: c.encoding, bom: c.bom });
  });

  it('is read as a table from its header row, with the invitee’s columns', () => {
    const { mapping } = read(c.file);
    expect(mapping.format).toBe('table');
    expect(mapping.headerLine).toBe(c.headerLine);
    const chosen = Object.fromEntries(PERSON_FIELDS.flatMap((field) => (mapping.columns[field] ? [[field, mapping.columns[field].header]] : [])));
    expect(chosen).toEqual(c.columns);
  });

  it('finds exactly the invitees, each named from its own name columns or nameless', () => {
    const { rows } = read(c.file);
    expect(rows.filter((row) => row.status === 'valid').map((row) => [row.email, row.name ?? null])).toEqual(c.valid);
  });

  it('reports rows without an address as MISSING_EMAIL, never named from an address', () => {
    const { rows } = read(c.file);
    const missing = rows.filter((row) => row.code === 'MISSING_EMAIL');
    for (const row of missing) expect(row.email).toBe('');
    const names = missing.map((row) => row.name ?? null);
    if (c.missingExact) expect(names).toEqual(c.missing);
    else expect(names).toEqual(expect.arrayContaining(c.missing));
    for (const row of rows) {
      for (const part of [row.name, row.firstName, row.lastName]) if (part !== undefined) expect(part).not.toContain('@');
    }
  });

  it('reports repeats as DUPLICATE and accounts for every row', () => {
    const { rows, summary } = read(c.file);
    const duplicates = rows.filter((row) => row.code === 'DUPLICATE').map((row) => row.email);
    if (c.missingExact) expect(duplicates).toEqual(c.duplicates);
    else expect(duplicates).toEqual(expect.arrayContaining(c.duplicates));
    expect(summary.valid + summary.invalid + summary.duplicate).toBe(summary.total);
    expect(summary.total).toBe(rows.length);
  });
});

// Only the exports that carry someone else's address (a buyer's, a manager's, a sign-in name).
describe.each(CASES.filter((c) => c.never.length > 0))('$file', (c) => {
  it('never takes an address that is not the invitee’s own', () => {
    const { rows } = read(c.file);
    const taken = new Set(rows.map((row) => row.email.toLowerCase()));
    expect(c.never.filter((address) => taken.has(address))).toEqual([]);
  });
});
