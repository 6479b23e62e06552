/**
 * The header vocabulary: which header text names which field. Headers are compared after folding case,
 * accents, spaces and punctuation, against the names real exports write.
 */

export type Field = 'email' | 'name' | 'firstName' | 'lastName' | 'role';
export const FIELDS: readonly Field[] = ['email', 'name', 'firstName', 'lastName', 'role'];

/** Folds a header for comparison: lower case, no accents, letters and digits only. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Exact names per field, most specific first (earlier wins when a file has several). */
const ALIASES: Record<Field, readonly string[]> = {
  email: [
    'email', 'emailaddress', 'mail', 'emailaddressrequired', 'primaryemail', 'workemail', 'businessemail',
    'email1', 'emailaddress1', 'email1value', 'emailvalue', 'inviteeemail', 'emailaddresstoinviteinviteeemail',
    'emailid', 'useremail', 'memberemail', 'contactemail', 'emails',
    'userprincipalname', 'upn', 'username', 'signinname', 'login',
    'courriel', 'adressemail', 'adresseemail', 'adresseelectronique', 'correo', 'correoelectronico',
    'emailadresse', 'mailadresse', 'posta', 'epost', 'epostadresse', 'indirizzoemail',
  ],
  name: ['name', 'fullname', 'displayname', 'contactname', 'membername', 'realname', 'nomcomplet', 'nombrecompleto', 'vollstandigername', 'anzeigename', 'nome'],
  firstName: ['firstname', 'givenname', 'first', 'fname', 'forename', 'vorname', 'prenom', 'nombre', 'nomeproprio'],
  lastName: ['lastname', 'familyname', 'surname', 'last', 'lname', 'nachname', 'nomdefamille', 'nom', 'apellido', 'apellidos', 'cognome'],
  role: ['role', 'roles', 'userrole', 'accessrole', 'projectrole', 'memberrole', 'access', 'accesslevel', 'permission', 'permissions', 'rolle', 'rol', 'ruolo'],
};

const ALIAS_RANK = new Map<Field, Map<string, number>>(
  FIELDS.map((field) => [field, new Map(ALIASES[field].map((alias, i) => [alias, i]))]),
);

/**
 * How well a header names a field: lower is better, undefined is no match. Exact aliases first; then,
 * for the address, any header mentioning e-mail (a numbered or alternate one last, so Outlook's
 * `E-mail Address` beats `E-mail 2 Address`).
 */
export function headerRank(field: Field, header: string): number | undefined {
  const folded = foldHeader(header);
  if (folded.length === 0) return undefined;
  const exact = ALIAS_RANK.get(field)!.get(folded);
  if (exact !== undefined) return exact;
  if (field === 'email' && /e?mail/.test(folded) && !/(type|label|display|format|opt|bounce|status|domain|verified)/.test(folded)) {
    return /(2|3|4|alternate|other|secondary|personal|home)/.test(folded) ? 2000 : 1000;
  }
  return undefined;
}

