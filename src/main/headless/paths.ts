import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron uses for `userData` (productName "OnAir"), so both modes share settings. */
export function defaultDataDir(): string {
  if (process.env.ONAIR_DATA_DIR) return process.env.ONAIR_DATA_DIR;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'OnAir');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'OnAir');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'OnAir');
}
