import { BinaryWriter, BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** Connector id of e-mail + password users (upstream's Dex `local` connector). */
export const LOCAL_CONNECTOR = 'local';

/**
 * The `sub` upstream's embedded Dex gives a user (IDENTITY.md §1.5): unpadded base64url of the
 * protobuf message `{1: user id, 2: connector id}`. The dashboard shows the decoded connector as
 * `idp_id`, and ids made by upstream keep working after a move to Roost.
 */
export function encodeDexUserId(userId: string, connectorId: string = LOCAL_CONNECTOR): string {
  const bytes = new BinaryWriter().tag(1, WireType.LengthDelimited).string(userId).tag(2, WireType.LengthDelimited).string(connectorId).finish();
  return Buffer.from(bytes).toString('base64url');
}

/** The inverse; undefined when `sub` is not such an id (an external IdP's subject). */
export function decodeDexUserId(sub: string): { userId: string; connectorId: string } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(sub)) return undefined;
  try {
    const r = new BinaryReader(Buffer.from(sub, 'base64url'));
    let userId: string | undefined;
    let connectorId: string | undefined;
    while (r.pos < r.len) {
      const [field, type] = r.tag();
      if (type !== WireType.LengthDelimited) return undefined;
      if (field === 1) userId = r.string();
      else if (field === 2) connectorId = r.string();
      else r.skip(type);
    }
    return userId !== undefined && connectorId !== undefined ? { userId, connectorId } : undefined;
  } catch {
    return undefined;
  }
}
