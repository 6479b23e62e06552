/**
 * Likely typos of common mail domains (`gmial.com`, `hotmial.com`, `yaho.com`, `outlok.com`): a short
 * list of the domains most people's personal addresses are at, and the optimal-string-alignment edit
 * distance (a swap of two neighbours counts as one edit, as in `gmial`): 1 for domains of 7 to 9
 * characters, 2 for longer ones, none for shorter ones (too near real domains). A suggestion is only ever offered; the person applies it.
 */

/** Large consumer mail providers (by the providers' own public sign-up domains), most used first. */
export const COMMON_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'live.com', 'msn.com',
  'me.com', 'mac.com', 'googlemail.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.de', 'gmx.net',
  'web.de', 't-online.de', 'yahoo.co.uk', 'hotmail.co.uk', 'yahoo.fr', 'hotmail.fr', 'orange.fr', 'free.fr',
  'libero.it', 'yandex.ru', 'mail.ru', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'btinternet.com',
  'mail.com', 'zoho.com', 'fastmail.com', 'hey.com',
];

/** Optimal string alignment distance, giving up (returning `limit + 1`) past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export interface DomainSuggestion {
  /** The domain as typed. */
  domain: string;
  /** The common domain it is likely a typo of. */
  suggestion: string;
  /** The whole address with the domain replaced. */
  email: string;
}

/** Answers by domain, per list of known domains: a list of people repeats a few domains many times. */
const answers = new WeakMap<readonly string[], Map<string, string | null>>();
const MAX_ANSWERS = 10_000;

/** A likely fix for the domain of `email`, or undefined. Exact known domains are never "fixed". */
export function suggestDomain(email: string, domains: readonly string[] = COMMON_MAIL_DOMAINS): DomainSuggestion | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return undefined;
  const domain = email.slice(at + 1).toLowerCase();
  let known = answers.get(domains);
  if (!known) answers.set(domains, (known = new Map()));
  let best = known.get(domain);
  if (best === undefined) {
    best = closest(domain, domains) ?? null;
    if (known.size >= MAX_ANSWERS) known.clear();
    known.set(domain, best);
  }
  return best === null ? undefined : { domain, suggestion: best, email: `${email.slice(0, at + 1)}${best}` };
}

function closest(domain: string, domains: readonly string[]): string | undefined {
  // Short domains are too close to real ones (gm.com is not gmx.com): no guesses below seven characters.
  if (domain.length < 7 || domains.includes(domain)) return undefined;
  const limit = domain.length < 10 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const known of domains) {
    const distance = editDistance(domain, known, limit);
    // Ties go to the more common domain: the list is in order of use.
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}
