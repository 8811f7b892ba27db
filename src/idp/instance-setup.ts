import { preconditionFailed, invalidArgument } from '../domain/errors.js';
import type { LocalUsers } from './local-users.js';
import { setupRequestProblem, type SetupRequest } from './setup-request-problem.js';

/** `GET /api/instance` and `POST /api/setup` with the embedded IdP (IDENTITY.md §4). */
export interface InstanceSetup {
  setupRequired(): boolean;
  /** Creates the first owner's local login; InvalidArgument (422) or PreconditionFailed (412). */
  setup(body: Partial<Record<keyof SetupRequest, unknown>>): Promise<{ user_id: string; email: string }>;
}

/**
 * `setup_required` is decided once at start (no account and no local user) and cleared by a
 * successful setup in this process, as upstream. A setup re-checks the store, so a second
 * process or an account made meanwhile ends it with 412; concurrent setups race on the unique
 * e-mail and at most the first user wins.
 */
export async function createInstanceSetup(deps: { users: LocalUsers; hasAccounts: () => Promise<boolean> }): Promise<InstanceSetup> {
  const untouched = async () => !(await deps.hasAccounts()) && (await deps.users.count()) === 0;
  let required = await untouched();
  let busy = false;
  return {
    setupRequired: () => required,
    async setup(body) {
      const problem = setupRequestProblem(body);
      if (problem) throw invalidArgument(problem);
      if (!required || busy) throw preconditionFailed('setup already completed');
      busy = true;
      try {
        if (!(await untouched())) {
          required = false;
          throw preconditionFailed('setup already completed');
        }
        const user = await deps.users.create({ email: String(body.email), name: String(body.name), password: String(body.password) });
        if (!user) throw preconditionFailed('setup already completed');
        required = false;
        return { user_id: user.id, email: user.email };
      } finally {
        busy = false;
      }
    },
  };
}
