// The rule is the domain's (JWT groups are an account setting); identity offers it to its callers.
export { groupsFromClaims } from '../../domain/users/groups-from-claims.js';
