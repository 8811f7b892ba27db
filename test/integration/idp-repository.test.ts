/**
 * The embedded provider's storage on both engines: the library's records (found by id, user
 * code and uid, consumed, revoked by grant, gone once expired), signing keys created once by
 * racing processes and rotated with the old key kept, local users unique by e-mail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { SigningKeyRing } from '../../src/idp/signing-key-ring.js';
import { storeAdapter } from '../../src/idp/store-adapter.js';
import { storeEngines } from '../conformance/store-engines.js';

for (const engine of await storeEngines('idprepo')) {
  test(`${engine.name}: provider records, signing keys and local users`, { skip: engine.skip }, async (t) => {
    const store = await engine.open();
    t.after(() => engine.cleanup());
    const clock = new ManualClock(1_000_000);
    const Adapter = storeAdapter(store.idp, clock);

    const codes = new Adapter('DeviceCode');
    await codes.upsert('dc1', { grantId: 'g1', userCode: 'ABCDEFGH', uid: 'u1', foo: 'bar' }, 60);
    assert.deepEqual(await codes.find('dc1'), { grantId: 'g1', userCode: 'ABCDEFGH', uid: 'u1', foo: 'bar' });
    assert.equal((await codes.findByUserCode('ABCDEFGH'))?.foo, 'bar');
    assert.equal((await codes.findByUid('u1'))?.foo, 'bar');
    assert.equal(await new Adapter('Session').find('dc1'), undefined, 'models are separate');
    await codes.upsert('dc1', { grantId: 'g1', userCode: 'ABCDEFGH', uid: 'u1', foo: 'baz' }, 60);
    assert.equal((await codes.find('dc1'))?.foo, 'baz', 'upsert replaces');
    await codes.consume('dc1');
    assert.equal((await codes.find('dc1'))?.consumed, 1000);
    clock.advance(60_000);
    assert.equal(await codes.find('dc1'), undefined, 'expired');
    assert.equal(await store.idp.pruneExpiredPayloads(clock.now()), 1);

    const tokens = new Adapter('RefreshToken');
    await tokens.upsert('r1', { grantId: 'g2' }, 3600);
    await new Adapter('AccessToken').upsert('a1', { grantId: 'g2' }, 3600);
    await tokens.upsert('r2', { grantId: 'g3' }, 3600);
    await tokens.revokeByGrantId('g2');
    assert.equal(await tokens.find('r1'), undefined);
    assert.equal(await new Adapter('AccessToken').find('a1'), undefined);
    assert.ok(await tokens.find('r2'));
    await tokens.destroy('r2');
    assert.equal(await tokens.find('r2'), undefined);

    // Two processes starting at once create one key between them.
    const rule = { rotateAfterMs: 1000, keepMs: 500 };
    const [a, b] = await Promise.all([new SigningKeyRing({ repo: store.idp, clock, rule }).sync(), new SigningKeyRing({ repo: store.idp, clock, rule }).sync()]);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.equal(a.publicJwks.length, 1);
    assert.equal((a.publicJwks[0] as { d?: string }).d, undefined);
    clock.advance(1000);
    const rotated = await new SigningKeyRing({ repo: store.idp, clock, rule }).sync();
    assert.equal(rotated.privateJwks.length, 2, 'the old key is kept');
    assert.equal(rotated.privateJwks[1]!.kid, a.privateJwks[0]!.kid);
    clock.advance(500);
    const pruned = await new SigningKeyRing({ repo: store.idp, clock, rule }).sync();
    assert.deepEqual(pruned.privateJwks.map((k) => k.kid), [rotated.privateJwks[0]!.kid]);

    const user = { id: 'id1', email: 'a@example.test', username: 'A', name: 'A', passwordHash: 'h', createdAtMs: 1 };
    assert.equal(await store.idp.insertUser(user), true);
    assert.equal(await store.idp.insertUser({ ...user, id: 'id2', email: 'A@Example.test' }), false, 'e-mails are unique, case-insensitively');
    assert.equal((await store.idp.findUserByEmail('A@EXAMPLE.test'))?.id, 'id1');
    await store.idp.upsertUserByEmail({ ...user, id: 'ignored', passwordHash: 'h2' });
    assert.deepEqual(await store.idp.findUserById('id1'), { ...user, passwordHash: 'h2' });
    assert.equal(await store.idp.countUsers(), 1);
  });
}
