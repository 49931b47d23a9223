/**
 * The built bundle (out/main, `npx electron-vite build`) runs the history worker: headless mode from out/
 * records the demo chat into history.sqlite through `out/main/history-worker.js`, and writes it all on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';

const BUNDLE = resolve(__dirname, '../../out/main/headless.js');

describe('history in the built bundle', () => {
  it.runIf(existsSync(BUNDLE))(
    'headless mode from out/ records chat through the worker',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'onair-bundle-history-'));
      const settings = join(dir, 'settings.json');
      const demo = { id: 'demo', type: 'demo', rate: 100, seed: 5, alertEverySeconds: 0 };
      await writeFile(settings, JSON.stringify({ sources: [demo], storage: { enabled: true } }));
      const child = spawn(process.execPath, [BUNDLE, '--settings', settings, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      const end = Date.now() + 30_000;
      while (!output.includes('OnAir is running') && Date.now() < end)
        await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain(`chat history in ${join(dir, 'history.sqlite')}`);
      await new Promise((r) => setTimeout(r, 1_500)); // ~150 demo messages
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).not.toMatch(/history worker|in memory/);
      const db = new DatabaseSync(join(dir, 'history.sqlite'), { readOnly: true });
      const { n } = db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
      db.close();
      expect(n).toBeGreaterThan(50);
    },
  );
});
