import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountSerials } from './account-serials.js';

function source(serials: Record<string, number>) {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    async getAccountSerial(id: string) {
      reads++;
      return serials[id];
    },
  };
}

test('reads an account once from the store, then answers from memory', async () => {
  const src = source({ a: 7 });
  const s = new AccountSerials(src);
  assert.equal(s.peek('a'), undefined);
  assert.deepEqual(await Promise.all([s.get('a'), s.get('a')]), [7, 7]);
  assert.equal(await s.get('a'), 7);
  assert.equal(src.reads, 1, 'concurrent and later reads share the one store read');
  assert.equal(s.peek('a'), 7);
});

test('observed changes move the serial without a store read', async () => {
  const src = source({ a: 7 });
  const s = new AccountSerials(src);
  s.observe({ accountId: 'a', serial: 9 });
  assert.equal(await s.get('a'), 9);
  assert.equal(src.reads, 0);
});

test('a store read that raced a newer change never moves the serial back', async () => {
  let release!: (n: number) => void;
  const s = new AccountSerials({ getAccountSerial: () => new Promise<number>((r) => (release = r)) });
  const reading = s.get('a');
  s.observe({ accountId: 'a', serial: 12 }); // committed while the read was in flight
  release(11);
  assert.equal(await reading, 12);
  assert.equal(s.peek('a'), 12);
});

test('an older change observed late is ignored', async () => {
  const s = new AccountSerials(source({}));
  s.observe({ accountId: 'a', serial: 5 });
  s.observe({ accountId: 'a', serial: 4 });
  assert.equal(s.peek('a'), 5);
});

test('an unknown account stays unknown; a failed read is retried next time', async () => {
  let fail = true;
  const s = new AccountSerials({
    async getAccountSerial() {
      if (fail) throw new Error('db down');
      return 3;
    },
  });
  assert.equal(await new AccountSerials(source({})).get('nope'), undefined);
  await assert.rejects(s.get('a'), /db down/);
  fail = false;
  assert.equal(await s.get('a'), 3);
});

test('known() lists what is held, as a copy the reconciliation may keep', async () => {
  const s = new AccountSerials(source({ a: 2 }));
  await s.get('a');
  s.observe({ accountId: 'b', serial: 5 });
  const k = s.known();
  assert.deepEqual([...k], [['a', 2], ['b', 5]]);
  s.observe({ accountId: 'a', serial: 9 });
  assert.equal(k.get('a'), 2);
});
