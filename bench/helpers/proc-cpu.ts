/** CPU time of process trees read from /proc (Linux): what a whole job costs, every process included. */
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime, in ms. */
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Every live process's stat, by pid. */
function allStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  return stats;
}

/** CPU ms used so far by each of the `roots` and all their live descendants, by pid. */
export function treesCpuByPid(roots: number[]): Map<number, number> {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const byPid = new Map<number, number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const stat = stats.get(pid);
    if (!stat || byPid.has(pid)) continue;
    byPid.set(pid, stat.cpuMs);
    queue.push(...(children.get(pid) ?? []));
  }
  return byPid;
}

/** CPU ms used so far by the `roots` and all their live descendants, and how many processes that was. */
export function treesCpuMs(roots: number[]): { cpuMs: number; processes: number } {
  const byPid = treesCpuByPid(roots);
  let cpuMs = 0;
  for (const ms of byPid.values()) cpuMs += ms;
  return { cpuMs, processes: byPid.size };
}

/**
 * What a Chromium process is, from its command line: `--type=renderer`, `gpu-process`, `utility` (with its
 * service, e.g. `utility:network`), `zygote`…; no `--type` is the browser process. Null when it ended.
 */
export function chromiumRole(pid: number): string | null {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  // Chromium rewrites its children's command line as one string (arguments joined by spaces, not NULs).
  const value = (name: string): string | undefined =>
    new RegExp(`(?:^|[\\0 ])--${name}=([^\\0 ]+)`).exec(cmdline)?.[1];
  const type = value('type');
  if (type === undefined) return 'browser';
  if (type !== 'utility') return type;
  // e.g. network.mojom.NetworkService → network; storage.mojom.StorageService → storage
  const service = value('utility-sub-type')?.split('.')[0];
  return service ? `utility:${service}` : 'utility';
}

/** The direct children of `parent` whose command name matches `name` (e.g. the Chromium Playwright started). */
export function childrenNamed(parent: number, name: RegExp): number[] {
  const pids: number[] = [];
  for (const [pid, stat] of allStats()) {
    if (stat.ppid !== parent) continue;
    try {
      if (name.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) pids.push(pid);
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}
