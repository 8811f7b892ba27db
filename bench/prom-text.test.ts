import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promValue } from './prom-text.js';

const TEXT = `# HELP roost_sync_requests_total Sync streams opened
# TYPE roost_sync_requests_total counter
roost_sync_requests_total{path="fast",reason="none"} 100
roost_sync_requests_total{path="slow",reason="cache_miss"} 7
roost_sync_requests_total{path="slow",reason="flag_off"} 3
roost_sync_streams_connected 42
roost_sync_streams_connected_other 9
roost_fast_path_enabled 1
process_cpu_seconds_total 12.5
`;

test('promValue picks a series by name and labels, summing what matches', () => {
  const cases: { name: string; labels?: Record<string, string>; want: number | undefined }[] = [
    { name: 'roost_sync_requests_total', labels: { path: 'fast' }, want: 100 },
    { name: 'roost_sync_requests_total', labels: { path: 'slow' }, want: 10 },
    { name: 'roost_sync_requests_total', labels: { path: 'slow', reason: 'flag_off' }, want: 3 },
    { name: 'roost_sync_requests_total', want: 110 },
    { name: 'roost_sync_streams_connected', want: 42 },
    { name: 'roost_fast_path_enabled', want: 1 },
    { name: 'process_cpu_seconds_total', want: 12.5 },
    { name: 'roost_missing', want: undefined },
    { name: 'roost_sync_requests_total', labels: { path: 'none' }, want: undefined },
  ];
  for (const c of cases) assert.equal(promValue(TEXT, c.name, c.labels), c.want, `${c.name} ${JSON.stringify(c.labels)}`);
});
