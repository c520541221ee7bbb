/**
 * An open-loop load generator for the service benchmarks: sends requests at a fixed rate (not
 * "as fast as answers come back", which hides queueing) and reports latency percentiles.
 *
 * Each request is scheduled at start + i / rate; its latency counts from that scheduled moment,
 * so a server that falls behind is charged for the wait (no coordinated omission).
 */
import { request, Agent } from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function constantRateLoad(options: {
  url: string;
  headers?: Record<string, string>;
  ratePerSecond: number;
  durationMs: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / options.ratePerSecond;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      get(options.url, options.headers ?? {}, agent).then(
        (status) => {
          if (status !== 200) errors++;
          latencies.push(performance.now() - scheduled);
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const elapsed = (performance.now() - start) / 1000;
  return { requests: total, errors, rate: total / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN };
}

function get(url: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}
