import { translateDbError } from './translate-db-error.js';

/**
 * Wraps every method of a repository so driver errors leave it already translated
 * (unique violations become `UniqueViolation`), wherever the repository is used.
 */
export function guardRepository<T extends object>(repo: T): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repo)) {
    if (typeof value !== 'function') {
      guarded[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => Promise<unknown>;
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(repo, args);
      } catch (err) {
        throw translateDbError(err);
      }
    };
  }
  return guarded as T;
}
