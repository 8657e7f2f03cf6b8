// The one rule for what an email address is, wherever one comes in: the App API's
// `format: "email"` (registered in Ajv as this function, app.ts), the Track API, forms, CSV
// imports, SCIM and sign-ins through an identity provider.
//
// ajv-formats' full-mode address, widened from ASCII letters and digits to Unicode's (addresses
// like jörg@bücher.example, RFC 6531): a dot-separated local part of letters, marks, digits and
// RFC 5322's other atom characters; a domain of two or more labels. Nothing else: no spaces, line
// breaks, commas, angle brackets, quotes or invisible format characters (U+200B) — what would make
// one value two recipients, a display name or a mail header once it reaches the mail server.
const ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${LABEL}$`, 'u');

/** One address, `local@domain.tld`: see above. */
export const isEmailAddress = (value: string): boolean => EMAIL.test(value);
