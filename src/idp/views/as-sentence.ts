/** A domain message (`password must …`) as a sentence for a page: capital first, full stop last. */
export function asSentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return s.endsWith('.') ? s : `${s}.`;
}
