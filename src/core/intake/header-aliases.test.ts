import { describe, expect, it } from 'vitest';
import { FIELDS, foldHeader, headerRank, isSecondaryAddressHeader, type Field } from './header-aliases.ts';

/** The person fields: a header naming one of them must name no other. */
const PERSON_FIELDS: readonly Field[] = ['email', 'name', 'firstName', 'lastName'];

/**
 * What a header names: a field; `secondary`, an address (or login, or someone else) that is not the
 * invitee's and so names no person field; `null`, nothing a person field reads.
 */
type Expected = Field | 'secondary' | null;

/** Headers as each product writes them (sources beside the aliases in header-aliases.ts). */
const EXPORTS: Record<string, ReadonlyArray<readonly [string, Expected]>> = {
  'Zoom participants report (with meeting data)': [
    ['Meeting ID', null], ['Topic', null], ['Start Time', null], ['End Time', null], ['Participants', null],
    ['Name (Original Name)', 'name'], ['User Email', 'email'], ['Join Time', null], ['Leave Time', null],
    ['Duration (Minutes)', null], ['Guest', null], ['Recording Consent', null], ['In Waiting Room', null],
  ],
  'Zoom registration and webinar attendee reports': [
    ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Email', 'email'], ['Registration Time', null],
    ['Approval Status', null], ['Attended', null], ['User Name (Original Name)', 'name'], ['Is Guest', null],
    ['Country/Region Name', null], ['Time in Session (minutes)', null],
  ],
  'Microsoft Teams attendance report': [
    ['Name', 'name'], ['First Join', null], ['Last Leave', null], ['In-Meeting Duration', null], ['Email', 'email'],
    ['Participant ID (UPN)', 'secondary'], ['Role', 'role'],
    // Older reports.
    ['Full Name', 'name'], ['User Action', null], ['Timestamp', null], ['Join Time', null], ['Duration', null],
  ],
  'Google Meet attendance report': [
    ['First name', 'firstName'], ['Last name', 'lastName'], ['Email', 'email'], ['Duration', null],
    ['Time joined', null], ['Time exited', null], ['Name', 'name'],
  ],
  'Eventbrite attendee summary': [
    ['Order #', null], ['Order Date', null], ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Surname', 'lastName'],
    ['Email', 'email'], ['Email Address', 'email'], ['Quantity', null], ['Price Tier', null], ['Ticket Type', null],
    ['Attendee #', null], ['Group', null], ['Order Type', null], ['Currency', null], ['Total Paid', null], ['Fees Paid', null],
    ['Eventbrite Fees', null], ['Eventbrite Payment Processing', null], ['Attendee Status', null],
    ['Home Address 1', 'secondary'], ['Home City', null],
    // Buyer columns: names not verified against a public sample.
    ['Buyer First Name', 'secondary'], ['Buyer Last Name', 'secondary'], ['Buyer Email', 'secondary'],
  ],
  'Meetup attendee list': [
    ['Name', 'name'], ['Attendance', null], ['User ID', null], ['Title', null], ['Event Host', null], ['RSVP', null],
    ['Guests', null], ['RSVPed on', null], ['Joined Group on', null], ['URL of Member Profile', null], ['Notes', null],
  ],
  'Luma guest list': [
    ['api_id', null], ['name', 'name'], ['first_name', 'firstName'], ['last_name', 'lastName'], ['email', 'email'],
    ['phone_number', null], ['created_at', null], ['approval_status', null], ['checked_in_at', null],
    ['custom_source', null], ['qr_code_url', null], ['amount', null], ['currency', null], ['coupon_code', null],
    ['eth_address', null], ['solana_address', null], ['survey_response_rating', null], ['ticket_type_id', null],
    ['ticket_name', null], ['What is your LinkedIn profile?', null],
  ],
  'Salesforce report': [
    ['Contact: Full Name', 'name'], ['Contact: Email', 'email'], ['Contact Name: Full Name', 'name'],
    ['Contact: First Name', 'firstName'], ['Contact: Last Name', 'lastName'], ['Contact: Title', null],
    ['Account: Account Name', null], ['Account Name', null], ['Contact Owner: Full Name', 'secondary'],
    ['Opportunity Owner: Full Name', 'secondary'], ['Case Owner: Full Name', 'secondary'],
    ['Created By: Full Name', 'secondary'], ['Last Modified By: Full Name', 'secondary'],
    ['Contact: Email Opt Out', null], ['Email Opt Out', null], ['First Name', 'firstName'], ['Last Name', 'lastName'],
    ['Email', 'email'], ['Mailing Street', null], ['Contact Owner', 'secondary'],
  ],
  'Pipedrive people export': [
    ['Person - ID', null], ['Person - Name', 'name'], ['Person - First name', 'firstName'], ['Person - Last name', 'lastName'],
    ['Person - Organization', null], ['Person - Email - Work', 'email'], ['Person - Email - Home', 'secondary'],
    ['Person - Email - Other', 'secondary'], ['Person - Phone - Work', null], ['Person - Owner', 'secondary'],
    ['Person - Label', null], ['Organization - Name', null], ['Deal - Contact person', null], ['Deal - Owner', 'secondary'],
  ],
  'Zoho CRM contacts export': [
    ['Record Id', null], ['Contact Owner', 'secondary'], ['Lead Source', null], ['First Name', 'firstName'],
    ['Last Name', 'lastName'], ['Full Name', 'name'], ['Account Name', null], ['Email', 'email'],
    ['Secondary Email', 'secondary'], ['Title', null], ['Phone', null], ['Email Opt Out', null],
    ['Created By', 'secondary'], ['Modified By', 'secondary'], ['Assistant', 'secondary'], ['Created Time', null],
  ],
  'Mailchimp audience export': [
    ['Email Address', 'email'], ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Address', null],
    ['Phone Number', null], ['Birthday', null], ['MEMBER_RATING', null], ['OPTIN_TIME', null], ['OPTIN_IP', null],
    ['CONFIRM_TIME', null], ['CONFIRM_IP', null], ['LATITUDE', null], ['LONGITUDE', null], ['GMTOFF', null],
    ['DSTOFF', null], ['TIMEZONE', null], ['CC', null], ['REGION', null], ['LAST_CHANGED', null], ['LEID', null],
    ['EUID', null], ['NOTES', null], ['TAGS', null],
  ],
  'Canvas gradebook export': [
    ['Student', 'name'], ['ID', null], ['SIS User ID', null], ['SIS Login ID', 'secondary'], ['Integration ID', null],
    ['Root Account', null], ['Section', null], ['LastName', 'lastName'], ['FirstName', 'firstName'],
    ['Current Score', null], ['Final Grade', null],
  ],
  'Moodle grade export and participants': [
    ['First name', 'firstName'], ['Last name', 'lastName'], ['Surname', 'lastName'], ['ID number', null],
    ['Institution', null], ['Department', null], ['Email address', 'email'], ['Last downloaded from this course', null],
    ['Full name', 'name'], ['Roles', 'role'], ['Groups', null], ['Last access to course', null],
  ],
  'Google Classroom grades (not verified)': [
    ['Last Name', 'lastName'], ['First Name', 'firstName'], ['Email Address', 'email'],
  ],
  'BambooHR employee report': [
    ['Employee #', null], ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Preferred Name', null],
    ['Job Title', null], ['Department', null], ['Division', null], ['Location', null], ['Status', null], ['Hire Date', null],
    ['Work Email', 'email'], ['Home Email', 'secondary'], ['Reports To', 'secondary'], ['Reports To Email', 'secondary'],
    ['Supervisor', 'secondary'], ['Supervisor Email', 'secondary'],
  ],
  'Workday worker report (not verified)': [
    ['Worker', 'name'], ['Employee ID', null], ['Business Title', null], ['Supervisory Organization', null],
    ['Manager', 'secondary'], ['Email - Primary Work', 'email'], ['Email - Work', 'email'],
    ['Email - Primary Home', 'secondary'], ['Email - Home', 'secondary'], ['Hire Date', null],
  ],
  'Hand-kept lists': [
    ['Contact', 'name'], ['Full name', 'name'], ['Person', 'name'], ['Attendee', 'name'], ['Participant', 'name'],
    ['Attendee Name', 'name'], ['Participant Email', 'email'], ['Attendee: Email', 'email'], ['Email (required)', 'email'],
    ['E-mail (optional)', 'email'], ['Name (as on badge)', 'name'], ['Manager email', 'secondary'],
    ['Personal email', 'secondary'], ['Alternate email', 'secondary'], ['Backup e-mail', 'secondary'],
  ],
  'Exports the kit already read': [
    // Outlook, Google Contacts, Microsoft 365, Slack, HubSpot, Azure AD B2B.
    ['E-mail Address', 'email'], ['E-mail 2 Address', 'secondary'], ['E-mail 3 Address', 'secondary'],
    ['E-mail Display Name', null], ['E-mail Type', null], ['E-mail 1 - Value', 'email'], ['E-mail 2 - Value', 'secondary'],
    ['E-mail 1 - Label', null], ['User Name', 'secondary'], ['Alternate email address', 'secondary'],
    ['Display Name', 'name'], ['username', 'secondary'], ['email', 'email'], ['fullname', 'name'], ['displayname', 'name'],
    ['Contact owner', 'secondary'], ['Email Address [Required]', 'email'], ['Email address to invite [inviteeEmail]', 'email'],
  ],
};

describe('foldHeader keeps its semantics', () => {
  it.each([
    ['E-mail Address', 'emailaddress'],
    ['Name (Original Name)', 'nameoriginalname'],
    ['Person - Email - Work', 'personemailwork'],
    ['Contact: Full Name', 'contactfullname'],
    ['Prénom', 'prenom'],
    ['', ''],
  ])('%j → %j', (header, folded) => {
    expect(foldHeader(header)).toBe(folded);
  });
});

describe.each(Object.entries(EXPORTS))('%s', (_product, headers) => {
  it.each(headers)('%j names %s', (header, expected) => {
    const named = FIELDS.filter((field) => headerRank(field, header) !== undefined);
    if (expected === 'secondary') {
      expect(isSecondaryAddressHeader(header)).toBe(true);
      expect(named.filter((field) => PERSON_FIELDS.includes(field))).toEqual([]);
    } else if (expected === null) {
      expect(named.filter((field) => PERSON_FIELDS.includes(field))).toEqual([]);
    } else {
      expect(named).toEqual([expected]);
      if (expected === 'email') expect(isSecondaryAddressHeader(header)).toBe(false);
    }
  });
});

describe('ranking: the most specific header wins', () => {
  it('an exact name beats one matched without its note, which beats one matched without a prefix', () => {
    const ranks = ['Email', 'Email (required)', 'Attendee: Email', 'Attendee Email', 'Business E-mail Address'].map((header) => headerRank('email', header)!);
    expect(ranks.every((rank) => rank !== undefined)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('a full name beats first or last name only through its own field, and a header names one person field', () => {
    expect(headerRank('name', 'Name')!).toBeLessThan(headerRank('name', 'Contact: Full Name')!);
    expect(headerRank('name', 'Name')!).toBeLessThan(headerRank('name', 'Attendee')!);
    expect(headerRank('firstName', 'Name')).toBeUndefined();
  });

  it("Pipedrive's work address is its only address column", () => {
    const header = ['Person - Name', 'Person - Email - Work', 'Person - Email - Home', 'Person - Email - Other', 'Person - Owner'];
    expect(header.filter((text) => headerRank('email', text) !== undefined)).toEqual(['Person - Email - Work']);
  });
});

describe('secondary address columns', () => {
  const secondary = [
    // Home, other, personal, alternate, numbered.
    'Home Email', 'Email - Home', 'Person - Email - Home', 'Other Email', 'Person - Email - Other', 'Personal Email',
    'Private e-mail', 'Alternate email address', 'Alternative Email', 'Secondary Email', 'Backup email', 'E-mail 2 Address',
    'E-mail 3 Address', 'Email 2', 'email_3', 'E-mail 2 - Value', 'Email (Personal)', 'Contact: Personal Email',
    // Someone else's.
    'Buyer Email', 'Purchaser Email', 'Order Email', 'Billing Email', 'Manager Email', 'Manager e-mail', 'Supervisor Email',
    "Assistant's Email", 'Owner Email', 'Contact owner', 'Reports To Email', 'Parent Email', 'Guardian e-mail',
    'Host Email', 'Organizer Email', 'Email (Manager)',
    // Sign-in identifiers.
    'UPN', 'User principal name', 'userPrincipalName', 'Participant ID (UPN)', 'Login', 'Login ID', 'Login email',
    'Sign-in name', 'Sign in email', 'Username', 'User Name', 'user_name', 'SIS Login ID',
  ];

  it.each(secondary)('%j is secondary and never the address column', (header) => {
    expect(isSecondaryAddressHeader(header)).toBe(true);
    expect(headerRank('email', header)).toBeUndefined();
  });

  it.each([
    'Email', 'E-mail Address', 'Email address', 'Work Email', 'Email - Work', 'Email - Primary Work', 'Person - Email - Work',
    'Business E-mail', 'Business E-mail Address', 'Primary E-mail', 'User Email', 'Contact: Email', 'Attendee: Email',
    'Email (required)', 'E-mail 1 - Value', 'Email 1', 'Courriel',
  ])('%j is the invitee’s own address', (header) => {
    expect(isSecondaryAddressHeader(header)).toBe(false);
    expect(headerRank('email', header)).toBeDefined();
  });

  it.each(['Home Phone', 'Other Phone', 'Phone 2', 'Address', 'Title', 'Notes', ''])('%j is not a secondary address', (header) => {
    expect(isSecondaryAddressHeader(header)).toBe(false);
  });
});

describe('names and addresses stay apart', () => {
  const names = [
    'Name', 'Full Name', 'Display Name', 'Name (Original Name)', 'User Name (Original Name)', 'Student', 'Attendee',
    'Participant', 'Person', 'Contact', 'Worker', 'Contact: Full Name', 'Person - Name', 'Attendee Name', 'Student Name',
  ];
  const addresses = ['Email', 'E-mail Address', 'User Email', 'Work Email', 'Person - Email - Work', 'Contact: Email', 'Attendee Email'];

  it.each(names)('name header %j never names the address or a name part', (header) => {
    expect(headerRank('name', header)).toBeDefined();
    expect(headerRank('email', header)).toBeUndefined();
    expect(headerRank('firstName', header)).toBeUndefined();
    expect(headerRank('lastName', header)).toBeUndefined();
  });

  it.each(addresses)('address header %j never names a name field', (header) => {
    for (const field of ['name', 'firstName', 'lastName'] as const) expect(headerRank(field, header)).toBeUndefined();
  });
});

describe('notes, prefixes and numbered columns', () => {
  it.each([
    ['name', 'Name (Original Name)'],
    ['name', 'Name (as on badge)'],
    ['email', 'Email (required)'],
    ['email', 'E-mail Address (work)'],
    ['firstName', 'First Name (given)'],
    ['name', 'Person - Name'],
    ['name', 'Contact: Full Name'],
    ['email', 'Attendee: Email'],
    ['email', 'Person - Email - Work'],
    ['firstName', 'Registrant: First Name'],
    ['lastName', 'Guest - Last Name'],
  ] as const)('%s ← %j', (field, header) => {
    expect(headerRank(field, header)).toBeDefined();
  });

  it('a note naming someone else is not set aside', () => {
    expect(headerRank('name', 'Name (Buyer)')).toBeUndefined();
    expect(headerRank('email', 'Email (Manager)')).toBeUndefined();
  });

  it.each([
    'Contact Owner: Full Name', 'Opportunity Owner: Full Name', 'Created By: Full Name', 'Last Modified By: Full Name',
    'Organization - Name', 'Account: Account Name', 'Deal - Owner', 'Deal - Contact person', 'Buyer Name', 'Manager Name',
  ])('%j names nobody on the row', (header) => {
    for (const field of PERSON_FIELDS) expect(headerRank(field, header)).toBeUndefined();
  });

  it.each(['Attendee #', 'Employee #', 'Order #', 'Person #'])('numbered column %j names no field', (header) => {
    for (const field of FIELDS) expect(headerRank(field, header)).toBeUndefined();
  });
});
