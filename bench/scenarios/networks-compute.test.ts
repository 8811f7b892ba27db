import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networksComputeTable, runNetworksCompute } from './networks-compute.js';

test('the Networks scenario measures both accounts; a resource change fans out to its network only', () => {
  const [plain, nets] = runNetworksCompute({ peers: 200, groups: 10, networks: 5, resourcesPerNetwork: 2 });
  assert.ok(plain && nets);
  assert.equal(plain.routes, 0);
  assert.equal(plain.fanOutPeers, 200, 'a policy change is pushed to every peer');
  // Each network: 2 routing peers + the 20 peers of its source group; 10 resources reach 20 sources each via 2 routers.
  assert.equal(nets.fanOutPeers, 22);
  assert.equal(nets.routes, 5 * (20 * 2 * 2 + 2 * 2));
  assert.match(networksComputeTable([plain, nets]), /\| 5 networks, 10 resources \(resource change\) \|/);
});
