import { createReadStream, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALERT_MEDIA_PREFIX } from '../../shared/alert-box/types';
import type { OnAirCore } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import { openMediaFile } from '../core/alerts/media-folder';

/**
 * The alert box's own routes on the headless server: media from the user's alert media folder, and the offline
 * text-to-speech engine (meSpeak, GPL-3.0), served as separate static files from its npm package and loaded
 * by the /alerts page at run time; it is never bundled into OnAir's scripts.
 */

export const TTS_ENGINE_PREFIX = '/tts-engine/';

const ENGINE_FILES: Record<string, { file: string; contentType: string }> = {
  'espeak.js': { file: 'src/ESpeak.js', contentType: 'text/javascript; charset=utf-8' },
  'mespeak.js': { file: 'src/index.js', contentType: 'text/javascript; charset=utf-8' },
  'mespeak_config.json': { file: 'src/mespeak_config.json', contentType: 'application/json; charset=utf-8' },
};
const VOICE = /^voices\/((?:[a-z]{2,3}\/)?[a-z]{2,3}(?:-[a-z]{1,8})?)\.json$/;

let engineRoot: string | null | undefined;
function mespeakRoot(): string | null {
  if (engineRoot === undefined) {
    try {
      engineRoot = dirname(createRequire(import.meta.url).resolve('mespeak/package.json'));
    } catch {
      engineRoot = null;
    }
  }
  return engineRoot;
}

export interface AlertRouteContext {
  /** Read for the current media folder setting ('' = none). */
  core: Pick<OnAirCore, 'settings'>;
  log: Logger;
}

function plain(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function stream(
  req: IncomingMessage,
  res: ServerResponse,
  file: { path: string; size: number; contentType: string },
  headers: Record<string, string>,
): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path, { start: 0, end: Math.max(0, file.size - 1) })
    .on('error', () => res.destroy())
    .pipe(res);
}

async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  rawName: string,
  headers: Record<string, string>,
  context: AlertRouteContext,
): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return plain(res, 400, headers, 'Bad media name');
  }
  const opened = await openMediaFile(context.core.settings().alerts.mediaFolder, name);
  if (!opened.ok) {
    context.log.warn(`alert media refused (${opened.status}): ${opened.reason}`);
    return plain(res, opened.status, headers, 'Not served');
  }
  stream(req, res, { path: opened.path, size: opened.size, contentType: opened.type.contentType }, headers);
}

async function serveEngine(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  headers: Record<string, string>,
): Promise<void> {
  const root = mespeakRoot();
  const voice = VOICE.exec(name)?.[1];
  const entry = voice
    ? { file: `voices/${voice}.json`, contentType: 'application/json; charset=utf-8' }
    : Object.prototype.hasOwnProperty.call(ENGINE_FILES, name)
      ? ENGINE_FILES[name]
      : undefined;
  if (!root || !entry) return plain(res, 404, headers, 'Not found');
  const path = join(root, entry.file);
  const stat = await fs.stat(path).catch(() => null);
  if (!stat?.isFile()) return plain(res, 404, headers, 'Not found');
  // The engine never changes while OnAir runs; it is 5 MB, so let the page keep it.
  stream(
    req,
    res,
    { path, size: stat.size, contentType: entry.contentType },
    {
      ...headers,
      'Cache-Control': 'max-age=86400',
    },
  );
}

/** Serves `/alert-media/<name>` and `/tts-engine/<file>`; false when the path is neither. */
export async function serveAlertRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: Record<string, string>,
  context: AlertRouteContext,
): Promise<boolean> {
  if (path.startsWith(ALERT_MEDIA_PREFIX)) {
    await serveMedia(req, res, path.slice(ALERT_MEDIA_PREFIX.length), headers, context);
    return true;
  }
  if (path.startsWith(TTS_ENGINE_PREFIX)) {
    await serveEngine(req, res, path.slice(TTS_ENGINE_PREFIX.length), headers);
    return true;
  }
  return false;
}
