import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleValue } from './read-metric.js';

const TEXT = `# HELP roost_sync_requests_total Sync streams opened
# TYPE roost_sync_requests_total counter
roost_sync_requests_total{path="slow",reason="cache_miss"} 3
roost_sync_requests_total{path="fast",reason="none"} 2
roost_sync_fast_duration_seconds_bucket{le="0.001"} 1
roost_sync_fast_duration_seconds_count 2
roost_fast_path_enabled 1
`;

test('sampleValue picks the sample by exact name and label subset', () => {
  const cases: [string, Record<string, string>, number | undefined][] = [
    ['roost_sync_requests_total', { path: 'slow', reason: 'cache_miss' }, 3],
    ['roost_sync_requests_total', { path: 'fast' }, 2],
    ['roost_sync_requests_total', { path: 'slow', reason: 'race' }, undefined],
    ['roost_sync_requests_total', {}, 3],
    ['roost_sync_fast_duration_seconds_count', {}, 2],
    ['roost_sync_fast_duration_seconds', {}, undefined],
    ['roost_sync_fast_duration_seconds_bucket', { le: '0.001' }, 1],
    ['roost_fast_path_enabled', {}, 1],
    ['roost_missing', {}, undefined],
  ];
  for (const [name, labels, want] of cases) assert.equal(sampleValue(TEXT, name, labels), want, `${name} ${JSON.stringify(labels)}`);
});
