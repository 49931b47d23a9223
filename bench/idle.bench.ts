/**
 * Idle cost (docs/performance.md): with no chat for 60 s, the overlay paints nothing and the app stays under
 * 0.5 % of one core. The real core (reading an idle channel on the fake IRC server) and the headless server run
 * in this process; Chromium shows `/overlay` and `/mod`. Reports this process's CPU, each page's main-thread
 * task time (DevTools protocol `Performance.getMetrics`) and the overlay's paints (a DevTools trace).
 * What it cannot see: Electron's own browser and GPU processes (no Electron binary here).
 *
 * Run (renderer built first: `npm run build`):  npm run bench:idle -- [--seconds 60]
 */
import type { CDPSession, Page } from 'playwright-core';
import { flag, startFloodChild } from './helpers/flood-child';
import { startHeadlessStack } from './helpers/headless-stack';

const SECONDS = Number(flag('--seconds', '60'));
const CPU_BUDGET_PERCENT = 0.5;

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

async function openMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function main(): Promise<void> {
  const fake = await startFloodChild(); // never floods: the channel stays quiet
  const { server, browser, close } = await startHeadlessStack(fake.url);
  try {
    const overlay = await browser.newPage({ viewport: { width: 480, height: 720 } });
    const mod = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await overlay.goto(server.overlayUrl);
    await mod.goto(server.modUrl);
    await new Promise((r) => setTimeout(r, 3000)); // joined, first paints done
    const overlayCdp = await openMetrics(overlay);
    const modCdp = await openMetrics(mod);
    const overlayTasks0 = await taskSeconds(overlayCdp);
    const modTasks0 = await taskSeconds(modCdp);
    await browser.startTracing(overlay, { categories: ['devtools.timeline'] });
    const cpu0 = process.cpuUsage();
    console.log(`idle for ${SECONDS} s (no chat); node ${process.version}`);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const cpu = process.cpuUsage(cpu0);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: Array<{ name: string }>;
    };
    const overlayTasks = (await taskSeconds(overlayCdp)) - overlayTasks0;
    const modTasks = (await taskSeconds(modCdp)) - modTasks0;
    const paints = trace.traceEvents.filter((e) => e.name === 'Paint').length;

    const percent = (seconds: number): number => Math.round((seconds / SECONDS) * 100 * 1000) / 1000;
    const corePercent = percent((cpu.user + cpu.system) / 1e6);
    const total = corePercent + percent(overlayTasks) + percent(modTasks);
    console.log(`core process CPU      ${corePercent} % of one core`);
    console.log(`overlay main thread   ${percent(overlayTasks)} % (paints: ${paints}, budget 0)`);
    console.log(`mod main thread       ${percent(modTasks)} %`);
    console.log(
      `sum ${Math.round(total * 1000) / 1000} % (budget ≤ ${CPU_BUDGET_PERCENT} %): ` +
        `${total <= CPU_BUDGET_PERCENT && paints === 0 ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await close();
    fake.stop();
  }
}

void main();
