import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthorization, type Authorization } from './parse-authorization.js';

test('parseAuthorization reads the header as upstream: single spaces, scheme in any case, Bearer nbp_ is a PAT', () => {
  const pat = (credential?: string): Authorization => ({ kind: 'pat', credential });
  const jwt = (credential?: string): Authorization => ({ kind: 'jwt', credential });
  const none: Authorization = { kind: 'none' };
  const cases: [string | undefined, Authorization][] = [
    ['Token nbp_abc', pat('nbp_abc')],
    ['token nbp_abc', pat('nbp_abc')],
    ['TOKEN anything', pat('anything')],
    ['Bearer nbp_abc', pat('nbp_abc')],
    ['bearer nbp_abc', pat('nbp_abc')],
    ['Bearer eyJhbGciOi.x.y', jwt('eyJhbGciOi.x.y')],
    ['BEARER eyJ', jwt('eyJ')],
    // The right scheme, a malformed rest: token invalid.
    ['Token', pat()],
    ['Token ', pat()],
    ['Token a b', pat()],
    ['Token  nbp_abc', pat()],
    ['Bearer nbp_abc extra', pat()],
    ['Bearer', jwt()],
    ['Bearer ', jwt()],
    ['Bearer  eyJ', jwt()],
    ['Bearer a b', jwt()],
    // No usable scheme: no valid authentication provided.
    [' Token nbp_abc', none],
    ['Token\tnbp_abc', none],
    ['Basic nbp_abc', none],
    ['nbp_abc', none],
    ['', none],
    [undefined, none],
  ];
  for (const [header, want] of cases) assert.deepEqual(parseAuthorization(header), want, JSON.stringify(header));
});
