import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vanishedForeignSchema } from './vanished-foreign-schema.js';

test('vanishedForeignSchema: only another schema vanishing mid-introspection is retried', () => {
  const err = (message: string, code?: string) => Object.assign(new Error(message), code === undefined ? {} : { code });
  const cases: { name: string; err: unknown; own: string | undefined; want: boolean }[] = [
    { name: 'another test dropped its schema', err: err('schema "roost_it_other_1" does not exist', '3F000'), own: 'roost_it_mine_2', want: true },
    { name: 'our own schema is gone: a real error', err: err('schema "roost_it_mine_2" does not exist', '3F000'), own: 'roost_it_mine_2', want: false },
    { name: 'SQLite (no schema)', err: err('schema "x" does not exist'), own: undefined, want: false },
    { name: 'another error', err: err('relation "peers" does not exist', '42P01'), own: 'roost_it_mine_2', want: false },
    { name: 'same text, other code', err: err('schema "x" does not exist', '42501'), own: 'roost_it_mine_2', want: false },
    { name: 'not an error', err: 'schema "x" does not exist', own: 's', want: false },
  ];
  for (const c of cases) assert.equal(vanishedForeignSchema(c.err, c.own), c.want, c.name);
});
