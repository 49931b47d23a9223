/**
 * A job's CPU over a window, split by process role: `core` (OnAir's headless Node process) and each Chromium
 * process by its `--type=` (browser, renderer, gpu-process, utility:network…). Where a job's extra CPU goes is
 * what the peer comparison needs a reader to see, not only the total.
 */
import { chromiumRole, treesCpuByPid } from './proc-cpu';

export interface JobCpu {
  totalMs: number;
  byRole: Map<string, number>;
}

/**
 * Starts counting the CPU of `pids()` (roots; descendants included). A process that ended inside the window
 * is left out (its CPU is unknown), one that started inside it counts from zero.
 */
export function startJobCpu(pids: () => number[], corePid: number | null): { stop(): JobCpu } {
  const before = treesCpuByPid(pids());
  return {
    stop: () => {
      const after = treesCpuByPid(pids());
      const byRole = new Map<string, number>();
      let totalMs = 0;
      for (const [pid, ms] of after) {
        const used = ms - (before.get(pid) ?? 0);
        const role = pid === corePid ? 'core' : (chromiumRole(pid) ?? 'ended');
        byRole.set(role, (byRole.get(role) ?? 0) + used);
        totalMs += used;
      }
      return { totalMs, byRole };
    },
  };
}

/** `core 0.41 · renderer 0.62 · gpu-process 0.20 …` in ms per message, largest first, zero roles left out. */
export function formatByRole(byRole: Map<string, number>, messages: number): string {
  return [...byRole]
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([role, ms]) => `${role} ${(ms / messages).toFixed(3)}`)
    .join(' · ');
}
