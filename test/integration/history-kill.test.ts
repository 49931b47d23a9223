import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../src/main/core/storage/db/open-history';

const CHILD = resolve(__dirname, '../helpers/history-writer-child.ts');
const KILLS = 20;

/** Runs the writer child until it acknowledged a few commits, kills it with SIGKILL mid-write, returns the last ack. */
function runAndKill(dataDir: string, tag: string, killAfterAcks: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, tag], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let acks = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^acked (\d+)$/.exec(line);
        if (!match) continue;
        acked = Number(match[1]);
        acks += 1;
        if (acks === killAfterAcks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(acked);
      else fail(new Error(`writer exited ${code}: ${stderr}`));
    });
  });
}

describe('history store under kill -9', () => {
  it(`loses no committed row over ${KILLS} SIGKILLs mid-transaction`, { timeout: 240_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'onair-kill-'));
    let totalAcked = 0;
    for (let run = 0; run < KILLS; run++) {
      const tag = `r${run}`;
      // Vary where the kill lands: after 2..8 acknowledged commits, while the next transaction is being written.
      const acked = await runAndKill(dataDir, tag, 2 + (run % 7));
      expect(acked).toBeGreaterThan(0);
      const db = new DatabaseSync(join(dataDir, HISTORY_FILE));
      const ids = db
        .prepare('SELECT message_id FROM messages WHERE message_id LIKE ?')
        .all(`${tag}-%`)
        .map((row) => Number(String(row.message_id).slice(tag.length + 1)));
      const present = new Set(ids);
      const lost = Array.from({ length: acked }, (_, i) => i + 1).filter((n) => !present.has(n));
      expect(lost, `run ${run}: acked ${acked}, stored ${ids.length}`).toEqual([]);
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      db.close();
      totalAcked += acked;
    }
    expect(totalAcked).toBeGreaterThan(KILLS * 400);
  });
});
