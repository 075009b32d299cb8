import { readdirSync, readFileSync } from 'node:fs';

// CPU time of every Chromium thread on this machine, read from /proc. A Chrome trace sees only
// threads that run Chromium's task loop: SwiftShader's own threads in the GPU process, which draw
// every frame of the map on the CPU, are missing from it. Linux only; elsewhere it reads nothing.

/** Milliseconds of CPU (user + system) by thread, keyed `pid/tid`, with a name to group them by. */
export type ThreadTimes = Map<string, { name: string; ms: number }>;

// /proc counts in clock ticks of USER_HZ, 100 a second on Linux's common architectures.
const CLOCK_TICK_MS = 10;

export function chromiumThreadTimes(): ThreadTimes {
  const times: ThreadTimes = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return times;
  }
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/.test(command)) continue;
      const kind = /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser';
      const utility = /--utility-sub-type=([\w.]+)/.exec(command)?.[1];
      const processName = utility ? `${kind}:${utility}` : kind;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const thread = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // Fields after the name: utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
        times.set(`${pid}/${tid}`, { name: `${processName} ${thread.replace(/\d+$/, 'N')}`, ms });
      }
    } catch {
      // A process or thread that ended between the listing and the read.
    }
  }
  return times;
}

/** The CPU each group of threads spent between two readings, largest first. */
export function cpuBetween(before: ThreadTimes, after: ThreadTimes): [name: string, ms: number][] {
  const byName = new Map<string, number>();
  for (const [key, { name, ms }] of after) {
    byName.set(name, (byName.get(name) ?? 0) + ms - (before.get(key)?.ms ?? 0));
  }
  return [...byName].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
}
