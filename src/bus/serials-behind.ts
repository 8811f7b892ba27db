/**
 * Accounts whose stored serial is ahead of what this process knows: changes it did not hear of
 * while its bus connection was down (or that were published while the publisher's was). Accounts
 * this process does not know are not its concern (nothing cached, no stream); an account gone
 * from the store is reported with serial -1 so its streams are re-examined.
 */
export function serialsBehind(known: ReadonlyMap<string, number>, stored: ReadonlyMap<string, number>): { accountId: string; serial: number }[] {
  const behind: { accountId: string; serial: number }[] = [];
  for (const [accountId, mine] of known) {
    const theirs = stored.get(accountId);
    if (theirs === undefined) behind.push({ accountId, serial: -1 });
    else if (theirs > mine) behind.push({ accountId, serial: theirs });
  }
  return behind;
}
