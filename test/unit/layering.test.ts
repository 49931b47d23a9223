import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layering rules live in eslint.config.js; this proves they fire (and would catch a regression). */
describe('layering lint rules', () => {
  const eslint = new ESLint();
  const rulesHit = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('keeps Electron out of the core, headless mode and the shared contract', async () => {
    for (const file of ['src/main/core/probe.ts', 'src/main/headless/probe.ts', 'src/shared/probe.ts']) {
      expect(await rulesHit("import { app } from 'electron';\nexport const a = app;\n", file)).toContain(
        'no-restricted-imports',
      );
    }
  });

  it('allows ipcMain/ipcRenderer only in the typed IPC wrappers', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";
    expect(await rulesHit(code, 'src/main/windows/probe.ts')).toContain('no-restricted-imports');
    expect(await rulesHit(code, 'src/main/ipc/probe.ts')).not.toContain('no-restricted-imports');
  });

  it('forbids HTML injection and Node/Electron imports in renderers', async () => {
    expect(
      await rulesHit(
        'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;\n',
        'src/renderer/src/probe.tsx',
      ),
    ).toContain('no-restricted-syntax');
    expect(
      await rulesHit("import fs from 'node:fs';\nexport const f = fs;\n", 'src/renderer/src/probe.ts'),
    ).toContain('no-restricted-imports');
  });
});
