/**
 * Deterministic invite lists for benchmarks: email, first and last name, role; about 3 % invalid
 * addresses, 5 % repeats of earlier rows, mixed case and stray whitespace, as real exports have.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Ann', 'Bob', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gustav', 'Hana', 'Ines', 'José', 'Kai', 'Lena'];
const LAST = ['Smith', 'Müller', "O'Brien", 'García', 'Nakamura', 'Kowalski', 'Dubois', 'Rossi', 'Andersen', 'Khan'];
const DOMAINS = ['example.com', 'Corp.Example.org', 'mail.test.io', 'acme.co.uk'];
const ROLES = ['admin', 'member', 'Member', 'reader'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields the CSV's lines (header first), each ending in \n. */
export function* inviteCsvLines(rows: number, seed = 7): Generator<string> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const emails: string[] = [];
  yield 'email,first_name,last_name,role\n';
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const roll = next();
    let email: string;
    if (roll < 0.03) email = `${first}.${last}${i}@`; // invalid: no domain
    else if (roll < 0.08 && emails.length > 0) email = pick(emails).toUpperCase(); // repeat, other case
    else {
      email = `${first.toLowerCase()}.${i}@${pick(DOMAINS)}`.replace(/[^\x00-\x7f]/g, 'e');
      if (next() < 0.2) email = email[0]!.toUpperCase() + email.slice(1);
      emails.push(email);
    }
    if (next() < 0.1) email = `  ${email} `;
    const lastCell = last.includes("'") ? `"${last}"` : last;
    yield `${email},${first},${lastCell},${pick(ROLES)}\n`;
  }
}

export function inviteCsv(rows: number, seed = 7): string {
  let text = '';
  for (const line of inviteCsvLines(rows, seed)) text += line;
  return text;
}

/** Writes a large list to disk without holding it in memory. */
export async function writeInviteCsv(path: string, rows: number, seed = 7): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of inviteCsvLines(rows, seed)) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
