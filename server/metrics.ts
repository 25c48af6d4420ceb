import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessStats {
  rssBytes: number;
  heapUsedBytes: number;
  uptimeSeconds: number;
  /** How long the event loop was held up, in ms, since the last reset: what every request waits behind. */
  eventLoopDelay: { p50: number; p99: number; max: number };
}

/** Process figures for admins and the benchmark. */
export class Metrics {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loop.enable();
  }

  stats(reset = false): ProcessStats {
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    const mem = process.memoryUsage();
    const out: ProcessStats = {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      uptimeSeconds: Math.round(process.uptime()),
      eventLoopDelay: { p50: ms(this.loop.percentile(50)), p99: ms(this.loop.percentile(99)), max: ms(this.loop.max) },
    };
    if (reset) this.loop.reset();
    return out;
  }

  stop(): void {
    this.loop.disable();
  }
}
