/**
 * Code that runs inside the Chromium page. Kept as source strings because the Node tsconfig (which checks
 * tests) has no DOM types, and adding them globally would hide DOM use in main-process code.
 */

export const countElements = `document.getElementsByTagName('*').length`;

export const bodyBackground = `getComputedStyle(document.body).backgroundColor`;

export const runningAnimations = `document.getAnimations().length`;

/** Nothing hostile became markup, ran, or reached an attribute. */
export const inertReport = `(() => ({
  pwned: window.__pwned ?? null,
  scripts: document.querySelectorAll('body script').length,
  badImages: [...document.images].filter((img) => !/^(https?:|data:image\\/)/.test(img.getAttribute('src') ?? '')).length,
  badLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^https?:/.test(a.getAttribute('href') ?? '')).length,
  styledUrls: [...document.querySelectorAll('[style]')].filter((el) => /url\\(/.test(el.getAttribute('style') ?? '')).length,
}))()`;

/** What one rendered line turned into: its text, inline styles, link targets and image sources. */
export const lineReport = (messageId: string): string => `(() => {
  const el = document.querySelector('[data-message-id=' + ${JSON.stringify(JSON.stringify(messageId))} + ']');
  return {
    text: el.textContent,
    styles: [...el.querySelectorAll('[style]')].map((node) => node.getAttribute('style')),
    hrefs: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    imgs: [...el.querySelectorAll('img')].map((img) => img.getAttribute('src')),
    bold: el.querySelectorAll('b').length,
    pwned: window.__pwned ?? null,
  };
})()`;

export interface ControlAttempt {
  opened: boolean;
  frames: number;
  code: number;
}

/** Tries the mod socket from inside a page, as a hostile page would. */
export const tryControlSocket = (port: number, protocols: string[]): string => `new Promise((resolve) => {
  const ws = new WebSocket('ws://127.0.0.1:${port}/ws/mod', ${JSON.stringify(protocols)});
  let opened = false;
  let frames = 0;
  ws.onopen = () => {
    opened = true;
    ws.send(JSON.stringify({ type: 'ready' }));
    ws.send(JSON.stringify({ id: 1, method: 'act', params: { type: 'clearChat', sourceId: 'demo' } }));
  };
  ws.onmessage = () => frames++;
  ws.onclose = (event) => resolve({ opened, frames, code: event.code });
  setTimeout(() => resolve({ opened, frames, code: -1 }), 3000);
})`;

/**
 * The frame probe's source. `onScreenOnly`: a line counts as painted only when it is still in the DOM at the
 * frame after it was added; lines added and pushed out before any frame (a viewer never saw them) are counted
 * in `window.__unseen` instead.
 */
const frameProbe = (onScreenOnly: boolean): string => `(() => {
  window.__painted = {};
  window.__unseen = 0;
  window.__gaps = [];
  window.__long = [];
  new MutationObserver((records) => {
    const nodes = [];
    for (const record of records)
      for (const node of record.addedNodes) if (node.dataset && node.dataset.messageId) nodes.push(node);
    if (nodes.length) requestAnimationFrame(() => nodes.forEach((node) => {
      if (${onScreenOnly} && !node.isConnected) window.__unseen++;
      else window.__painted[node.dataset.messageId] = Date.now();
    }));
  }).observe(document.querySelector('[data-testid="chat"]'), { childList: true });
  let last = performance.now();
  const loop = (now) => {
    window.__gaps.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
})()`;

/** Starts recording, in the overlay: the frame after each line appeared, frame gaps, long tasks. */
export const startFrameProbe = frameProbe(false);

/** The same, counting only lines still on screen at that frame (bench:peer's "lost", docs/performance.md). */
export const startScreenFrameProbe = frameProbe(true);

export interface FrameProbeResult {
  painted: Record<string, number>;
  /** Lines added and gone again before the next frame (`startScreenFrameProbe` only). */
  unseen: number;
  gaps: number[];
  long: number[];
}

export const readFrameProbe = `({ painted: window.__painted, unseen: window.__unseen, gaps: window.__gaps, long: window.__long })`;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box of the first element matching `selector` (null when absent). */
export const boxOf = (selector: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
})()`;

/**
 * Run in a blank page: decodes a PNG screenshot (base64) whose top-left is at `origin`, and counts the pixels
 * outside `box` (grown by `margin`) that differ from the screenshot's top-left pixel — i.e. what something
 * painted outside the box, when the rest of the area is empty background.
 */
export const paintedOutside = (png: string, origin: Box, box: Box, margin: number): string => `(async () => {
  const img = new Image();
  img.src = 'data:image/png;base64,${png}';
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const o = ${JSON.stringify(origin)}, b = ${JSON.stringify(box)}, m = ${margin};
  const left = b.x - o.x - m, top = b.y - o.y - m, right = b.x - o.x + b.width + m, bottom = b.y - o.y + b.height + m;
  let painted = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      if (x >= left && x < right && y >= top && y < bottom) continue;
      const i = (y * img.width + x) * 4;
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) + Math.abs(data[i + 3] - data[3]) > 24) painted++;
    }
  return painted;
})()`;

/** Left-to-right x of: the line's name element, the text node right after it (": "), its text element, and
 * the first occurrence of each of `chars` inside the text element. */
export const bidiOrder = (
  lineSelector: string,
  nameSelector: string,
  textSelector: string,
  chars: string[],
): string => `(() => {
  const line = document.querySelector(${JSON.stringify(lineSelector)});
  const name = line.querySelector(${JSON.stringify(nameSelector)});
  const text = line.querySelector(${JSON.stringify(textSelector)});
  const range = document.createRange();
  const sep = name.nextSibling;
  range.selectNodeContents(sep);
  const sepX = range.getBoundingClientRect().x;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const charX = {};
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    for (const c of ${JSON.stringify(chars)}) {
      const at = node.data.indexOf(c);
      if (at < 0 || charX[c] !== undefined) continue;
      range.setStart(node, at);
      range.setEnd(node, at + c.length);
      charX[c] = range.getBoundingClientRect().x;
    }
  return { name: name.getBoundingClientRect().x, sep: sepX, sepText: sep.data, text: text.getBoundingClientRect().x, chars: charX };
})()`;

/** The `data-message-id` of the focused element (a chat line), or null. */
export const focusedMessageId = `document.activeElement?.getAttribute('data-message-id') ?? null`;

export const focusedId = `document.activeElement?.id ?? null`;

export const focusedTab = `document.activeElement?.getAttribute('data-tab') ?? null`;

export const clipboardText = `navigator.clipboard.readText()`;

/** Pixels between the bottom of the mod chat list and its newest line (0 = pinned to the newest line). */
export const chatListBottomGap = `(() => {
  const list = document.querySelector('[data-testid="chat-list"]');
  return list.scrollHeight - list.scrollTop - list.clientHeight;
})()`;

/** The first mod line visible at the top of the chat list, and where it is. */
export const firstVisibleModLine = `(() => {
  const top = document.querySelector('[data-testid="chat-list"]').getBoundingClientRect().top;
  const line = [...document.querySelectorAll('[data-testid="mod-line"]')].find((l) => l.getBoundingClientRect().bottom > top);
  return { id: line?.getAttribute('data-message-id') ?? null, top: line?.getBoundingClientRect().top ?? null };
})()`;

/**
 * An init script: counts, in the page, every time the chat showed "paused" (`__paused`) and every line whose
 * height changed when one of its images arrived (`__reflows`).
 */
export const watchChatState = `(() => {
  window.__paused = 0;
  window.__reflows = 0;
  const heights = new WeakMap();
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="chat-paused"]')) window.__paused++;
    for (const line of document.querySelectorAll('[data-testid="mod-line"]')) {
      if (!heights.has(line)) heights.set(line, line.getBoundingClientRect().height);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  // Image loads do not mutate the DOM: compare a line's height when each of its images settles.
  document.addEventListener('load', (event) => {
    const line = event.target.closest && event.target.closest('[data-testid="mod-line"]');
    if (line && heights.has(line) && heights.get(line) !== line.getBoundingClientRect().height) window.__reflows++;
  }, true);
})()`;

export const pausedCount = `window.__paused`;
export const reflowCount = `window.__reflows`;

/** Runs the injected axe-core; resolves to its violations (id, impact, the first three targets). */
export const runAxe = `axe.run().then((result) => result.violations.map(({ id, impact, nodes }) => ({
  id,
  impact,
  nodes: nodes.slice(0, 3).map((n) => ({ target: n.target })),
})))`;
