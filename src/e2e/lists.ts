/**
 * The list every end-to-end flow pastes, and what the review, the results table and the CSV must show for
 * it on each vendor set up as the demo sets it up.
 */
import type { VendorId } from '../../demo/mock.ts';
import { KNOWN_PEOPLE } from '../../demo/vendors.ts';

export interface VendorCase {
  id: VendorId;
  label: string;
  /** The role every row gets (the vendor's default), '' where the vendor has no roles per row (Wix: policies). */
  role: string;
  /** Addresses per request (the demo's batches of 5; AthenaHQ invites one person per request). */
  batch: number;
}

export const VENDORS: VendorCase[] = [
  { id: 'diga', label: 'Diga', role: 'member', batch: 5 },
  { id: 'wix', label: 'Wix', role: '', batch: 5 },
  { id: 'confident-ai', label: 'Confident AI', role: 'Member', batch: 5 },
  { id: 'athenahq', label: 'AthenaHQ', role: 'viewer', batch: 1 },
];

export const memberOf = (vendor: VendorId) => {
  const [, name = '', email = KNOWN_PEOPLE[vendor].member] = /^(.*) <([^>]+)>$/.exec(KNOWN_PEOPLE[vendor].member) ?? [];
  return { name, email };
};

/** What a person pastes: a mail client's To: line, typed lines, a typo, a broken address, a repeat, a member. */
export function pastedList(vendor: VendorId): string {
  return [
    'To: Priya Natarajan <priya.natarajan@northwind.example>; "Okafor, Chidi" <chidi.okafor@northwind.example>; Lena Fischer <lena.fischer@northwind.example>',
    'marco.rossi@northwind.example, sofia.garcia@northwind.example; yuki.tanaka@northwind.example',
    'Tom Becker <tom.becker@gmial.com>',
    'jonas.weber@northwind',
    'PRIYA.NATARAJAN@northwind.example',
    KNOWN_PEOPLE[vendor].member,
    'noah.smith@northwind.example',
  ].join('\n');
}

/** The rows the review shows, in order: [address, state]. */
export function expectedReview(vendor: VendorId): Array<[string, string]> {
  return [
    ['priya.natarajan@northwind.example', 'valid'],
    ['chidi.okafor@northwind.example', 'valid'],
    ['lena.fischer@northwind.example', 'valid'],
    ['marco.rossi@northwind.example', 'valid'],
    ['sofia.garcia@northwind.example', 'valid'],
    ['yuki.tanaka@northwind.example', 'valid'],
    ['tom.becker@gmial.com', 'valid'],
    ['jonas.weber@northwind', 'invalid'],
    ['priya.natarajan@northwind.example', 'duplicate'],
    [memberOf(vendor).email, 'member'],
    ['noah.smith@northwind.example', 'valid'],
  ];
}

/** The broken address (its domain has no dot), and what a person corrects it to when they edit the row. */
export const BROKEN = 'jonas.weber@northwind';
export const CORRECTED = 'jonas.weber@northwind.example';
const BROKEN_REASON = '"jonas.weber@northwind" is not a valid e-mail address: the domain "northwind" has no dot (like example.com).';

/** The addresses sent, in the order read: eight, or nine when the broken row was corrected. */
export function sentAddresses(corrected = false): string[] {
  return [
    'priya.natarajan@northwind.example',
    'chidi.okafor@northwind.example',
    'lena.fischer@northwind.example',
    'marco.rossi@northwind.example',
    'sofia.garcia@northwind.example',
    'yuki.tanaka@northwind.example',
    'tom.becker@gmail.com',
    ...(corrected ? [CORRECTED] : []),
    'noah.smith@northwind.example',
  ];
}

/** The address whose requests the vendor answers 503 during the first pass. */
export const FAILING = 'sofia.garcia@northwind.example';

/**
 * The results table, row by row: [text line, address, status]. `failed` are the addresses that shared a
 * request with FAILING; `corrected`: the broken row was edited into a valid address.
 */
export function expectedResults(vendor: VendorId, failed: ReadonlySet<string>, corrected = false): Array<[string, string, string]> {
  const outcome = (email: string) => (failed.has(email) ? 'failed' : 'sent');
  return [
    ['1', 'priya.natarajan@northwind.example', outcome('priya.natarajan@northwind.example')],
    ['1', 'chidi.okafor@northwind.example', outcome('chidi.okafor@northwind.example')],
    ['1', 'lena.fischer@northwind.example', outcome('lena.fischer@northwind.example')],
    ['2', 'marco.rossi@northwind.example', outcome('marco.rossi@northwind.example')],
    ['2', 'sofia.garcia@northwind.example', outcome('sofia.garcia@northwind.example')],
    ['2', 'yuki.tanaka@northwind.example', outcome('yuki.tanaka@northwind.example')],
    ['3', 'tom.becker@gmail.com', outcome('tom.becker@gmail.com')],
    corrected ? ['4', CORRECTED, outcome(CORRECTED)] : ['4', BROKEN, 'invalid'],
    ['5', 'priya.natarajan@northwind.example', 'duplicate'],
    ['6', memberOf(vendor).email, 'duplicate'],
    ['7', 'noah.smith@northwind.example', outcome('noah.smith@northwind.example')],
  ];
}

/**
 * The results table's rows: numbered as the review numbers them (read order: the three addresses of line
 * 1 are rows 1 to 3), where the exported CSV keeps each row's input line.
 */
export function expectedTable(vendor: VendorId, failed: ReadonlySet<string>, corrected = false): Array<[string, string, string]> {
  return expectedResults(vendor, failed, corrected).map(([, email, status], index) => [String(index + 1), email, status]);
}

const NAMES: Record<string, string> = {
  'priya.natarajan@northwind.example': 'Priya Natarajan',
  'chidi.okafor@northwind.example': 'Okafor, Chidi',
  'lena.fischer@northwind.example': 'Lena Fischer',
  'tom.becker@gmail.com': 'Tom Becker',
};

/**
 * The exported CSV's records once every address is sent (header first): line, email, name, role, status,
 * code, message. `role`: the vendor's default role, '' where rows have none.
 */
export function expectedCsv(vendor: VendorId, role: string, corrected = false): string[][] {
  const member = memberOf(vendor);
  return [
    ['line', 'email', 'name', 'role', 'status', 'code', 'message'],
    ...expectedResults(vendor, new Set(), corrected).map(([line, email, status]) => {
      const name = line === '6' ? member.name : line === '5' ? '' : (NAMES[email] ?? '');
      const [code, message] =
        status === 'invalid'
          ? ['INVALID_EMAIL', BROKEN_REASON]
          : line === '5'
            ? ['DUPLICATE', 'priya.natarajan@northwind.example is already listed on line 1.']
            : line === '6'
              ? ['ALREADY_MEMBER', `${member.email} is already a member.`]
              : ['', ''];
      return [line, email, name, role, status, code, message];
    }),
  ];
}
