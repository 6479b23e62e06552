/**
 * The header vocabulary: which header text names which field. Headers are compared after folding case,
 * accents, spaces and punctuation, against the names real exports write; a header that carries a
 * parenthesised note (`Name (Original Name)`) or a person prefix (`Person - Name`, `Contact: Full Name`)
 * is also tried without it, ranked after the exact names.
 *
 * Sources: each alias group below names the products that write it and where that was checked. "Not
 * verified" marks names written from memory that no public export sample or help page confirmed.
 */

export type Field = 'email' | 'name' | 'firstName' | 'lastName' | 'role';
export const FIELDS: readonly Field[] = ['email', 'name', 'firstName', 'lastName', 'role'];

/** Longer cells are not headers (a guard for the patterns below, which a long run of spaces would slow). */
const MAX_HEADER_LENGTH = 200;

/** Folds a header for comparison: lower case, no accents, letters and digits only. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The header as folded words, digits apart from letters: `E-mail 2 Address` → e, mail, 2, address. */
function headerWords(header: string): string[] {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Exact names per field, most specific first (earlier wins when a file has several). */
const ALIASES: Record<Field, readonly string[]> = {
  email: [
    // Hand-made lists, Excel, Outlook ("E-mail Address"), HubSpot ("Email"), Slack ("email").
    'email', 'emailaddress', 'mail',
    // M365 "Add multiple users" template and Azure AD B2B bulk invite ("Email Address [Required]",
    // "Email address to invite [inviteeEmail]").
    'emailaddressrequired', 'primaryemail',
    // BambooHR "Work Email": https://docs.workato.com/connectors/bamboo-hr/list-employees-in-directory-action
    'workemail', 'businessemail',
    // Google Contacts "E-mail 1 - Value" (fixtures/google-contacts.csv).
    'email1', 'emailaddress1', 'email1value', 'emailvalue', 'inviteeemail', 'emailaddresstoinviteinviteeemail',
    // Zoom participants report "User Email":
    // https://github.com/Lightbridge-KS/zoomclass/blob/main/inst/extdata/participants_heroes_full.csv
    'emailid', 'useremail', 'memberemail', 'contactemail', 'emails',
    // Pipedrive "Person - Email - Work" once its "Person - " prefix is set aside (see ENTITY_PREFIXES);
    // Workday "Email - Primary Work" / "Email - Work" (not verified: Workday reports are tenant-defined).
    'emailwork', 'emailprimarywork', 'primaryworkemail', 'workemailaddress',
    // Common French, German, Spanish and Italian headers.
    'courriel', 'adressemail', 'adresseemail', 'adresseelectronique', 'correo', 'correoelectronico',
    'emailadresse', 'mailadresse', 'posta', 'epost', 'epostadresse', 'indirizzoemail',
  ],
  name: [
    // Generic; Teams attendance "Name" (2. Participants) and "Full Name" (older reports):
    // https://github.com/dvaneynde/teams-attendance/tree/main/data ; Luma "name":
    // https://github.com/colygon/hackathon-screener/blob/main/luma.csv ; Meetup "Name":
    // https://github.com/estyxx/meetup-export ; Slack "fullname"/"displayname".
    'name', 'fullname', 'displayname', 'contactname', 'membername', 'realname',
    'nomcomplet', 'nombrecompleto', 'vollstandigername', 'anzeigename', 'nome',
    // Zoom participants report "Name (Original Name)" (see the zoomclass sample above); Zoom webinar
    // attendee report "User Name (Original Name)" (seen in public parsers of the report; Zoom's help
    // lists the fields: https://support.zoom.us/hc/en-us/articles/216378603).
    'nameoriginalname', 'usernameoriginalname',
    // Canvas gradebook "Student" holds "Last, First":
    // https://github.com/instructure/canvas-lms/blob/master/lib/gradebook_exporter.rb
    'student',
    // Hand-kept lists.
    'participant', 'attendee', 'person', 'contact',
    // Workday "Worker" (not verified).
    'worker',
  ],
  firstName: [
    // Zoom registration report, Eventbrite, Zoho, Mailchimp, BambooHR "First Name"; Google Meet and
    // Moodle "First name"; Luma "first_name"; Canvas "FirstName" (gradebook option).
    'firstname', 'givenname', 'first', 'fname', 'forename', 'vorname', 'prenom', 'nombre', 'nomeproprio',
  ],
  lastName: [
    // "Last Name"/"Last name"/"last_name"/"LastName" as above; Moodle (older English) and Eventbrite (UK)
    // "Surname": https://docs.huihoo.com/phpdoc/moodle/2.8/xref/grade/export/txt/grade_export_txt.php.source.html
    'lastname', 'familyname', 'surname', 'last', 'lname', 'nachname', 'nomdefamille', 'nom', 'apellido', 'apellidos',
    'cognome',
  ],
  role: ['role', 'roles', 'userrole', 'accessrole', 'projectrole', 'memberrole', 'access', 'accesslevel', 'permission', 'permissions', 'rolle', 'rol', 'ruolo'],
};

const ALIAS_RANK = new Map<Field, Map<string, number>>(
  FIELDS.map((field) => [field, new Map(ALIASES[field].map((alias, i) => [alias, i]))]),
);

/**
 * Prefixes that name the person a row is about, set aside before matching: Pipedrive "Person - Name",
 * "Person - Email - Work" (https://getcapt.com/blog/pipedrive-import-csv and public scripts over its
 * exports); Salesforce report columns "Contact: Full Name", "Contact: Email", "Contact Name: Full Name"
 * (lookup columns are written "Object: Field"; seen in public parsers of report exports); and the same
 * pattern for attendee, participant, registrant, guest, member, student, employee lists. A prefix naming
 * someone else ("Contact Owner: Full Name", "Created By: Full Name", "Organization - Name") is not one
 * of these, so its column names no field of the invitee.
 */
const ENTITY_PREFIXES = new Set([
  'person', 'people', 'contact', 'contactname', 'lead', 'attendee', 'participant', 'registrant', 'guest', 'invitee',
  'member', 'subscriber', 'student', 'learner', 'employee', 'worker', 'user',
]);

/** The same words written without a separator ("Attendee Email", "Student Name"); "user" is not one ("User Name" is a login). */
const ENTITY_WORDS = new Set([...ENTITY_PREFIXES].filter((word) => word !== 'user' && word !== 'contactname'));

/** Rank added to an alias's own rank when it matched only after setting a note or prefix aside. */
const NOTE_RANK = 100;
const PREFIX_RANK = 200;
const ENTITY_WORD_RANK = 300;
/** Any other header mentioning e-mail (not a postal "Mailing Street"). */
const MENTION_RANK = 1000;

/** Headers that mention e-mail but are about it, not an address: types, labels, flags, counts, dates. */
const ABOUT_EMAIL = /(type|label|display|format|opt|bounce|status|domain|verified|consent|subscri|sent|opened|clicked|delivered|replied|date|time)/;

/**
 * Words naming someone other than the invitee: an owner, manager, buyer… A column so named never holds
 * the invitee's own address, whatever else its header says (HubSpot "Contact owner", Eventbrite's buyer
 * columns, BambooHR "Reports To Email", Salesforce "Created By: Full Name").
 */
const OTHER_PERSON = new Set([
  'owner', 'owners', 'manager', 'managers', 'supervisor', 'supervisors', 'assistant', 'assistants', 'buyer', 'buyers',
  'purchaser', 'orderer', 'order', 'billing', 'payer', 'host', 'organizer', 'organiser', 'parent', 'parents',
  'guardian', 'guardians', 'emergency', 'referrer', 'sponsor', 'creator',
]);

/** Words marking an address that is not the person's main one, when the header names an address. */
const OTHER_ADDRESS = new Set([
  'home', 'other', 'personal', 'private', 'privat', 'privee', 'personnel', 'alternate', 'alternative', 'alt',
  'secondary', 'second', 'backup', 'additional', 'extra', 'old', 'previous', 'former', 'fallback', 'recovery',
]);

function mentionsAddress(folded: string): boolean {
  return /mail|addr|adress|courriel|correo|epost/.test(folded);
}

/** Sign-in identifiers: they may look like addresses, but they are logins, not where an invitation goes. */
function isSignInIdentifier(folded: string, words: readonly string[]): boolean {
  if (/userprincipalname|username|samaccountname|signinname/.test(folded)) return true;
  return words.some(
    (word, i) =>
      word === 'upn' ||
      word.startsWith('login') ||
      word.startsWith('logon') ||
      word.startsWith('signin') ||
      (word === 'sign' && (words[i + 1] === 'in' || words[i + 1] === 'on')),
  );
}

/**
 * Whether a header names an address column that is not the invitee's own: a home, other, personal,
 * alternate or numbered (2, 3, 4…) address, the address of someone else (buyer, order, manager,
 * supervisor, assistant, owner…), or a sign-in identifier (UPN, user principal name, login, sign-in
 * name, username, Canvas "SIS Login ID"). A work or business address is the invitee's own.
 *
 * Sources: Outlook "E-mail 2 Address", "E-mail 3 Address" (fixtures/outlook-contacts.csv); M365
 * "Alternate email address" (fixtures/m365-users-template.csv); HubSpot "Contact owner"
 * (fixtures/hubspot-contacts.csv); Teams "Participant ID (UPN)"
 * (https://github.com/dvaneynde/teams-attendance/tree/main/data); Pipedrive "Person - Email - Home" /
 * "- Other"; Zoho "Secondary Email" (Zoho CRM contact field Secondary_Email:
 * https://www.zoho.com/crm/developer/docs/api/v5/); BambooHR "Home Email", "Reports To Email";
 * Workday "Email - Primary Home" (not verified); Canvas "SIS Login ID"
 * (https://github.com/instructure/canvas-lms/blob/master/lib/gradebook_exporter.rb); Eventbrite buyer
 * columns (not verified: names from memory, e.g. "Buyer Email").
 */
export function isSecondaryAddressHeader(header: string): boolean {
  if (header.length > MAX_HEADER_LENGTH) return false;
  const folded = foldHeader(header);
  if (folded.length === 0) return false;
  const words = headerWords(header);
  if (isSignInIdentifier(folded, words)) return true;
  if (words.some((word, i) => OTHER_PERSON.has(word) || (word === 'reports' && words[i + 1] === 'to'))) return true;
  if (words.some((word, i) => (word === 'created' || word === 'modified' || word === 'updated') && words[i + 1] === 'by')) return true;
  if (!mentionsAddress(folded)) return false;
  return words.some((word) => OTHER_ADDRESS.has(word) || (/^\d+$/.test(word) && Number(word) >= 2));
}

const NOTE = /\s*[([][^()[\]]*[)\]]\s*/g;
const PREFIX = /^(.+?)(?:\s*:\s*|\s+[-–—]\s+)(.+)$/;

/** The header tried without its note and without a person prefix, each with the rank it adds. */
function variants(header: string): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  let base = header;
  let added = 0;
  const notes = header.match(NOTE);
  if (notes) {
    // A note naming someone else ("Name (Buyer)") is not set aside.
    if (notes.some((note) => headerWords(note).some((word) => OTHER_PERSON.has(word)))) return found;
    const stripped = header.replace(NOTE, ' ').trim();
    if (stripped.length > 0 && stripped !== header.trim()) {
      base = stripped;
      added = NOTE_RANK;
      found.push([base, added]);
    }
  }
  const prefixed = PREFIX.exec(base);
  if (prefixed && ENTITY_PREFIXES.has(foldHeader(prefixed[1]!))) {
    found.push([prefixed[2]!, added + PREFIX_RANK]);
  } else {
    const words = headerWords(base);
    if (words.length >= 2 && ENTITY_WORDS.has(words[0]!)) found.push([words.slice(1).join(' '), added + ENTITY_WORD_RANK]);
  }
  return found;
}

/**
 * How well a header names a field: lower is better, undefined is no match. Exact aliases first; then the
 * header without a parenthesised note, then without a person prefix; then, for the address, any header
 * mentioning e-mail. A header naming a secondary address (see `isSecondaryAddressHeader`) never names the
 * address column, and a numbered column (`Attendee #`, `Employee #`) names no field.
 */
export function headerRank(field: Field, header: string): number | undefined {
  // No export names a column in more than a few words; the patterns below need not run over a long cell.
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  const folded = foldHeader(header);
  if (folded.length === 0) return undefined;
  if (header.includes('#')) return undefined;
  if (field === 'email' && isSecondaryAddressHeader(header)) return undefined;
  const ranks = ALIAS_RANK.get(field)!;
  const exact = ranks.get(folded);
  if (exact !== undefined) return exact;
  for (const [variant, added] of variants(header)) {
    const rank = ranks.get(foldHeader(variant));
    if (rank !== undefined) return rank + added;
  }
  if (field === 'email' && /mail(?!ing)/.test(folded) && !ABOUT_EMAIL.test(folded)) return MENTION_RANK;
  return undefined;
}
