import { describe, expect, it } from 'vitest';
import { addressColumns, addressShare, applyOverride, chooseAddressColumn, foldHeader, headerRank, looksLikeHeader, mapFromContent, mapFromHeader, otherAddressColumns } from './columns.ts';

describe('foldHeader', () => {
  it.each([
    ['E-mail Address', 'emailaddress'],
    ['email_address', 'emailaddress'],
    ['  EMAIL ADDRESS ', 'emailaddress'],
    ['Email Address [Required]', 'emailaddressrequired'],
    ['Prénom', 'prenom'],
    ['Correo electrónico', 'correoelectronico'],
    ['E-mail 1 - Value', 'email1value'],
    ['', ''],
  ])('%j → %j', (header, folded) => {
    expect(foldHeader(header)).toBe(folded);
  });
});

describe('headerRank: the headers real exports use', () => {
  it.each([
    // Outlook
    'E-mail Address',
    // Google Contacts
    'E-mail 1 - Value',
    // Azure AD B2B bulk invite
    'Email Address [Required]',
    // HubSpot, Slack, hand-made
    'Email',
    'email',
    'EMAIL',
    'e_mail',
    'Mail',
    'Work Email',
    'Primary E-mail',
    // Other languages
    'E-Mail-Adresse',
    'Courriel',
    'Adresse e-mail',
    'Correo electrónico',
  ])('%j names the address column', (header) => {
    expect(headerRank('email', header)).toBeDefined();
  });

  it.each([
    'E-mail Type',
    'E-mail Display Name',
    'E-mail 1 - Label',
    'Email Opt Out',
    'Email Verified',
    'Email Domain',
    'Email Bounce',
    'Marketing emails status',
    'First Name',
    'Notes',
    '',
  ])('%j does not name the address column', (header) => {
    expect(headerRank('email', header)).toBeUndefined();
  });

  it('never takes a numbered, alternate or sign-in column as the address column (they never create invitees)', () => {
    for (const other of ['E-mail 2 Address', 'E-mail 3 Address', 'E-mail 2 - Value', 'Alternate email address', 'Personal Email', 'Other Email', 'User Name', 'Username', 'User principal name']) {
      expect(headerRank('email', other), other).toBeUndefined();
    }
    // An exact alias beats any header that merely mentions e-mail.
    expect(headerRank('email', 'Email')!).toBeLessThan(headerRank('email', 'Business E-mail Address')!);
  });

  it.each([
    ['name', 'Full Name'],
    ['name', 'Display Name'],
    ['name', 'Name'],
    ['name', 'fullname'],
    ['firstName', 'First Name'],
    ['firstName', 'Given Name'],
    ['firstName', 'Vorname'],
    ['firstName', 'Prénom'],
    ['lastName', 'Last Name'],
    ['lastName', 'Surname'],
    ['lastName', 'Family Name'],
    ['lastName', 'Nachname'],
    ['role', 'Role'],
    ['role', 'Rolle'],
    ['role', 'Access Level'],
    ['role', 'Permissions'],
  ] as const)('%s ← %j', (field, header) => {
    expect(headerRank(field, header)).toBeDefined();
  });

  it('does not read a name field into a neighbouring one', () => {
    expect(headerRank('name', 'First Name')).toBeUndefined();
    expect(headerRank('firstName', 'Last Name')).toBeUndefined();
    expect(headerRank('role', 'Job Title')).toBeUndefined();
  });
});

describe('looksLikeHeader', () => {
  it('is a header when a cell names the address column and none holds an address', () => {
    expect(looksLikeHeader(['Name', 'E-mail Address'])).toBe(true);
    expect(looksLikeHeader(['E-Mail', '', ''])).toBe(true);
  });

  it('is a header when it names two person fields without an address column', () => {
    expect(looksLikeHeader(['First Name', 'Last Name', 'Phone'])).toBe(true);
    expect(looksLikeHeader(['First Name', 'Phone'])).toBe(false);
  });

  it('is not a header when a cell holds an address', () => {
    expect(looksLikeHeader(['Email', 'ann@x.com'])).toBe(false);
    expect(looksLikeHeader(['Exported by it@acme.io'])).toBe(false);
  });

  it('a title line is not a header', () => {
    expect(looksLikeHeader(['Acme Corp — new starters'])).toBe(false);
  });
});

describe('addressShare / addressColumns', () => {
  const rows = [
    ['ann@x.com', 'Ann', 'see bob@x.com'],
    ['bob@x.com', 'Bob', ''],
    ['', 'Cat', 'n/a'],
    ['dan@x.com', 'Dan', 'n/a'],
  ];

  it('counts only non-empty cells', () => {
    expect(addressShare(rows, 0)).toBe(1);
    expect(addressShare(rows, 1)).toBe(0);
    expect(addressShare(rows, 2)).toBeCloseTo(1 / 3);
    expect(addressShare(rows, 9)).toBe(0);
  });

  it('finds the columns that mostly hold addresses', () => {
    expect(addressColumns(rows, 3)).toEqual([0]);
  });
});

describe('mapFromHeader', () => {
  it("maps Outlook's columns, preferring E-mail Address over E-mail 2 Address and its display name", () => {
    const header = ['First Name', 'Last Name', 'E-mail Address', 'E-mail Display Name', 'E-mail 2 Address'];
    const sample = [
      ['John', 'Smith', 'john@x.com', 'John Smith (john@x.com)', 'js@gmail.com'],
      ['Jane', 'Doe', '', 'Jane Doe (jane@x.com)', 'jane@gmail.com'],
      ['Pat', 'Kim', 'pat@x.com', 'Pat Kim (pat@x.com)', ''],
    ];
    expect(mapFromHeader(header, sample)).toEqual({
      email: { index: 2, header: 'E-mail Address', source: 'header' },
      firstName: { index: 0, header: 'First Name', source: 'header' },
      lastName: { index: 1, header: 'Last Name', source: 'header' },
    });
  });

  it("passes over a header-named column whose cells are not addresses (Slack's username)", () => {
    const header = ['username', 'email', 'fullname', 'displayname'];
    const sample = [
      ['alice', 'alice@acme.io', 'Alice Archer', 'alice'],
      ['bob.b', 'bob@acme.io', 'Bob Brown', 'Bobby'],
    ];
    expect(mapFromHeader(header, sample)).toEqual({
      email: { index: 1, header: 'email', source: 'header' },
      name: { index: 2, header: 'fullname', source: 'header' },
    });
    // Without an email column, a username column of handles is not taken as addresses.
    expect(mapFromHeader(['username', 'fullname'], [['alice', 'Alice'], ['bob', 'Bob']]).email).toBeUndefined();
  });

  it("takes neither the M365 User Name (a sign-in name) nor the alternate address as the invitee's", () => {
    const header = ['User Name', 'First Name', 'Last Name', 'Display Name', 'Alternate email address'];
    const sample = [['chris@contoso.com', 'Chris', 'Green', 'Chris Green', 'chris@outlook.com']];
    expect(mapFromHeader(header, sample).email).toBeUndefined();
    expect(otherAddressColumns(sample, header.length, mapFromHeader(header, sample), header)).toEqual([
      { index: 0, header: 'User Name', reason: 'secondary' },
      { index: 4, header: 'Alternate email address', reason: 'secondary' },
    ]);
  });

  it('does not fall back to a secondary column when the main one holds no addresses', () => {
    const header = ['E-mail Address', 'E-mail 2 Address'];
    const sample = [
      ['/o=ExchangeLabs/cn=Recipients/cn=pkim', 'pat@x.com'],
      ['/o=ExchangeLabs/cn=Recipients/cn=jdoe', 'jane@x.com'],
    ];
    expect(mapFromHeader(header, sample).email).toBeUndefined();
  });

  it('a header-named column with one stray address loses to a column of addresses no header names', () => {
    const header = ['Name', 'Email', 'Reach at'];
    const sample = [
      ['Ann', 'yes', 'ann@x.com'],
      ['Bob', 'bob@old', 'bob@x.com'],
      ['Cat', 'no', 'cat@x.com'],
    ];
    expect(mapFromHeader(header, sample).email).toEqual({ index: 2, header: 'Reach at', source: 'content' });
  });

  it('finds an unnamed address column by its content', () => {
    const header = ['Name', 'Contact', 'Team'];
    const sample = [
      ['Ann', 'ann@x.com', 'Ops'],
      ['Bob', 'bob@x.com', 'Ops'],
    ];
    expect(mapFromHeader(header, sample)).toEqual({
      name: { index: 0, header: 'Name', source: 'header' },
      email: { index: 1, header: 'Contact', source: 'content' },
    });
  });

  it('takes a header-only file at its word', () => {
    expect(mapFromHeader(['Name', 'Email'], []).email).toEqual({ index: 1, header: 'Email', source: 'header' });
  });

  it('gives each column to one field only', () => {
    const mapping = mapFromHeader(['Name', 'Email'], [['Ann', 'ann@x.com']]);
    const indices = Object.values(mapping).map((choice) => choice.index);
    expect(new Set(indices).size).toBe(indices.length);
  });
});

describe('mapFromContent', () => {
  const sample = [
    ['ann@x.com', 'Ann Lee', 'admin', '42'],
    ['bob@x.com', 'Bob Stone', 'Member', '7'],
  ];

  it('finds the address, role (with known roles) and the one text column as name', () => {
    expect(mapFromContent(sample, 4, ['Admin', 'Member'])).toEqual({
      email: { index: 0, source: 'content' },
      role: { index: 2, source: 'content' },
      name: { index: 1, source: 'content' },
    });
  });

  it('without roles, two text columns leave the name unmapped rather than guessed', () => {
    expect(mapFromContent(sample, 4)).toEqual({ email: { index: 0, source: 'content' } });
  });

  it('of several address columns takes the most distinct; ties go to the left', () => {
    expect(mapFromContent([['a@x.com', 'b@x.com']], 2)).toEqual({ email: { index: 0, source: 'content' } });
    const managers = [
      ['boss@x.com', 'ann@x.com', 'Ann'],
      ['boss@x.com', 'bob@x.com', 'Bob'],
    ];
    expect(mapFromContent(managers, 3)).toEqual({ email: { index: 1, source: 'content' }, name: { index: 2, source: 'content' } });
    expect(chooseAddressColumn(managers, [0, 1])).toBe(1);
  });
});

describe('applyOverride', () => {
  const detected = mapFromHeader(['Name', 'Email', 'Backup Email'], [['Ann', 'ann@x.com', 'ann@home.io']]);
  const header = ['Name', 'Email', 'Backup Email'];

  it('returns the detected mapping unchanged without an override', () => {
    expect(applyOverride(detected, undefined, header, 3)).toBe(detected);
  });

  it('moves a field to a column given by index or by (folded) header text', () => {
    expect(applyOverride(detected, { email: 2 }, header, 3).email).toEqual({ index: 2, header: 'Backup Email', source: 'override' });
    expect(applyOverride(detected, { email: 'backup_email' }, header, 3).email).toEqual({ index: 2, header: 'Backup Email', source: 'override' });
  });

  it('unmaps a field given null and leaves the others', () => {
    const mapping = applyOverride(detected, { name: null }, header, 3);
    expect(mapping.name).toBeUndefined();
    expect(mapping.email).toEqual(detected.email);
  });

  it('maps a headerless column by index, without a header', () => {
    expect(applyOverride({}, { role: 1 }, undefined, 2).role).toEqual({ index: 1, source: 'override' });
  });

  it('refuses columns that do not exist', () => {
    expect(() => applyOverride(detected, { email: 3 }, header, 3)).toThrow(RangeError);
    expect(() => applyOverride(detected, { email: -1 }, header, 3)).toThrow(RangeError);
    expect(() => applyOverride(detected, { email: 1.5 }, header, 3)).toThrow(RangeError);
    expect(() => applyOverride(detected, { email: 'Mail' }, header, 3)).toThrow('No column is headed "Mail"');
    expect(() => applyOverride({}, { email: 'Email' }, undefined, 2)).toThrow(RangeError);
  });
});
