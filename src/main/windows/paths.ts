import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';

const mainDir = fileURLToPath(new URL('.', import.meta.url));

export const preloadPath = (name: 'overlay' | 'mod'): string => join(mainDir, '../preload', `${name}.cjs`);

/** The built renderer pages (out/renderer), also served to OBS by the browser-source server. */
export const rendererDir = (): string => join(mainDir, '../renderer');

/** Loads a renderer entry: the dev server during `npm run dev`, the built file otherwise. */
export function loadRenderer(window: BrowserWindow, page: 'overlay' | 'mod'): Promise<void> {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return window.loadURL(`${devUrl}/${page}.html`);
  return window.loadFile(join(rendererDir(), `${page}.html`));
}

export const iconPath = (): string => join(mainDir, '../../resources/icon.png');
