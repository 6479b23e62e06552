/**
 * Lists to paste or drop, shaped like what people really paste: an Outlook "To:" line with "Last, First"
 * names, addresses separated by commas and semicolons, a spreadsheet export. Each holds what the dialog
 * is for: typo'd mail domains, a repeat in other capitals, an address without a domain ending, a word
 * typed into an address, and the vendor's own existing member and pending invitation.
 */
import { KNOWN_PEOPLE } from './vendors.ts';
import type { VendorId } from './mock.ts';

const COLLEAGUES = [
  ['Priya Natarajan', 'priya.natarajan@northwind.example'],
  ['Chidi Okafor', 'chidi.okafor@northwind.example'],
  ['Lena Fischer', 'lena.fischer@northwind.example'],
  ['Marco Rossi', 'marco.rossi@northwind.example'],
  ['Sofia García', 'sofia.garcia@northwind.example'],
  ['Yuki Tanaka', 'yuki.tanaka@northwind.example'],
  ['Noah Smith', 'noah.smith@northwind.example'],
  ['Emma Johansson', 'emma.johansson@northwind.example'],
  ['Lucas Martin', 'lucas.martin@northwind.example'],
  ['Mei Chen', 'mei.chen@northwind.example'],
  ['Olivia Brown', 'olivia.brown@northwind.example'],
  ['Ravi Patel', 'ravi.patel@northwind.example'],
] as const;

/** A paste from a mail client and a few typed lines. */
export function sampleList(vendor: VendorId): string {
  const known = KNOWN_PEOPLE[vendor];
  const [priya, chidi, lena, marco, sofia, yuki, ...rest] = COLLEAGUES;
  return [
    `To: ${priya[0]} <${priya[1]}>; "Okafor, Chidi" <${chidi[1]}>; ${lena[0]} <${lena[1]}>`,
    `${marco[1]}, ${sofia[1]}; ${yuki[1]}`,
    'Tom Becker <tom.becker@gmial.com>',
    'Aisha Khan <aisha.khan@hotmial.com>',
    'jonas.weber@northwind',
    'PRIYA.NATARAJAN@northwind.example',
    known.member,
    known.pending,
    ...rest.map(([, email]) => email),
  ].join('\n');
}

/** A spreadsheet export with a role column: mostly the default role, some another, one the vendor does not have. */
export function sampleCsv(vendor: VendorId, roles: readonly string[], defaultRole: string): string {
  const known = KNOWN_PEOPLE[vendor];
  const [, memberName = '', memberEmail = known.member] = /^(.*) <([^>]+)>$/.exec(known.member) ?? [];
  const first = defaultRole;
  const second = roles.find((role) => role !== defaultRole) ?? defaultRole;
  const rows: Array<[string, string, string]> = [
    ...COLLEAGUES.slice(0, 8).map(([name, email], i): [string, string, string] => [name, email, i % 3 === 0 ? second : first]),
    ['Tom Becker', 'tom.becker@gmial.com', first],
    ['Jonas Weber', 'jonas.weber@northwind', first],
    ['Priya Natarajan', 'Priya.Natarajan@northwind.example', first],
    [memberName, memberEmail, first],
    ['', known.pending, first],
    ['Grace Hopper', 'grace.hopper@northwind.example', 'owner'],
  ];
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  // A vendor without row roles (Wix: the policies chosen in the dialog apply to all) gets no role column.
  const withRoles = roles.length > 0;
  const table = withRoles ? rows : rows.filter(([, , role]) => role !== 'owner').map(([name, email]) => [name, email]);
  return [withRoles ? 'Name,Email,Role' : 'Name,Email', ...table.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}
