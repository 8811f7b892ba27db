/** What `POST /api/setup` carries (IDENTITY.md §4). */
export interface SetupRequest {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

/**
 * Upstream's validation of the first owner, in its order and words (answered 422); undefined
 * when the request is acceptable. 72 is bcrypt's input limit.
 */
export function setupRequestProblem(body: Partial<Record<keyof SetupRequest, unknown>>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const email = text(body.email);
  const password = text(body.password);
  if (email === '') return 'email is required';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'invalid email format';
  if (text(body.name) === '') return 'name is required';
  if (password === '') return 'password is required';
  if (password.length < 8) return 'password must be at least 8 characters';
  if (Buffer.byteLength(password) > 72) return 'password must be at most 72 characters';
  return undefined;
}
