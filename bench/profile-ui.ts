import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import type { BenchProbe } from './page-probe.ts';
import { probedContext } from './page-probe.ts';
import { startStaticServer } from './static-server.ts';
import { driveAppUi } from './ui-drive.ts';

// `npx tsx bench/profile-ui.ts [--data synthetic-50000] [--phase load|ui|both]`: which code makes
// the app's long tasks. It records a V8 CPU profile of the built app (`dist/`) while it loads and
// while bench/ui-drive.ts drives its controls, cuts the samples into busy stretches (the main
// thread running without an idle sample for over 50 ms, i.e. a long task) and prints, for each,
// its length and the functions that took the most of it (inclusive time, app code by source
// position). A tool for finding what to fix; the bench itself only counts and times tasks.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'synthetic-50000' },
    phase: { type: 'string', default: 'both' },
    dist: { type: 'string', default: 'dist' },
    top: { type: 'string', default: '8' },
    'min-ms': { type: 'string', default: '50' },
  },
});

/** React's and the scheduler's own frames, which every render shares: they say nothing about the cause. */
const FRAMEWORK =
  /^(performWorkOnRoot|performSyncWorkOnRoot|flushSync|processRootSchedule|performUnitOfWork|workLoop|renderRoot|beginWork|renderWithHooks|updateFunctionComponent|updateMemo|mountMemo|exports\.|performWorkUntilDeadline|performWorkOnRootViaSchedulerTask|commit|recursively|flushPassiveEffects|flushSpawnedWork|runWithFiberInDEV|callCallback|\(anonymous\)|memoizedFunction)/;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
}

/** Busy stretches of the profile over `minMs`, each with its top functions by inclusive time. */
export function attribute(profile: Profile, minMs: number, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number) => {
    const name = byId.get(id)?.callFrame.functionName;
    return name === '(idle)' || name === '(program)' || name === '(garbage collector)' ? name : null;
  };
  const lines: string[] = [];
  let t = profile.startTime;
  let runStart = -1;
  let runSamples: { id: number; dt: number }[] = [];
  const flush = (end: number) => {
    const ms = (end - runStart) / 1000;
    if (runStart >= 0 && ms > minMs) {
      const inclusive = new Map<string, number>();
      let gc = 0;
      for (const { id, dt } of runSamples) {
        if (idle(id) === '(garbage collector)') gc += dt;
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const node = byId.get(at);
          if (!node || node.callFrame.url === '' || FRAMEWORK.test(node.callFrame.functionName)) continue;
          const name = frameName(node);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        }
      }
      const sorted = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top);
      lines.push(
        `busy ${ms.toFixed(0)} ms at ${((runStart - profile.startTime) / 1000).toFixed(0)} ms (gc ${(gc / 1000).toFixed(0)} ms)`,
      );
      for (const [name, us] of sorted) lines.push(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
    }
    runStart = -1;
    runSamples = [];
  };
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    t += profile.timeDeltas[i] ?? 0;
    if (idle(id) === '(idle)') {
      flush(t);
      return;
    }
    if (runStart < 0) runStart = t;
    runSamples.push({ id, dt });
  });
  flush(t);
  return lines;
}

async function main() {
  const server = await startStaticServer(resolve(values.dist));
  await server.preload();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await probedContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const minMs = Number(values['min-ms']);
  const top = Number(values.top);
  const phase = values.phase;

  if (phase !== 'ui') await cdp.send('Profiler.start');
  await page.goto(`${server.origin}/?data=${values.data}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchProbe?.readyAt != null, undefined, {
    polling: 50,
    timeout: 180_000,
  });
  const readyAt = await page.evaluate(() => window.__benchProbe?.readyAt);
  if (phase !== 'ui') {
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`## load: ready at ${readyAt?.toFixed(0)} ms`);
    console.log(attribute(profile as Profile, minMs, top).join('\n'));
  }
  if (phase !== 'load') {
    await page.evaluate(() => (window.__benchProbe as BenchProbe).settleNow());
    await cdp.send('Profiler.start');
    const span = await driveAppUi(page);
    const { profile } = await cdp.send('Profiler.stop');
    const tasks = await page.evaluate(
      ([from, to]) =>
        (window.__benchProbe?.longTasks ?? []).filter((t) => t.start + t.duration > from && t.start < to),
      [span.start, span.end] as const,
    );
    console.log(
      `## ui: ${tasks.length} long tasks, longest ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms, ` +
        `blocking ${tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0).toFixed(0)} ms`,
    );
    console.log(attribute(profile as Profile, minMs, top).join('\n'));
  }
  await browser.close();
  await server.close();
}

await main();
