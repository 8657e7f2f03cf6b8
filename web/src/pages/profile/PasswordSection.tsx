/** Filled in by the identity work (issue 18). */
export function PasswordSection() {
  return null;
}
