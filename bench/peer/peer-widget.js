/* global document, location, tmi */
/**
 * The peer widget: tmi.js reads the channel, each message becomes one appended line (badges as text boxes,
 * name colour, Twitch emotes as images). It keeps the lines OnAir's overlay keeps: at most `max` lines and
 * the same element budget (overlay-options.ts: LINE_NODE_BUDGET 270, a line costs 3 + badges + 1 + images
 * and mentions), pruned from the oldest end.
 */
const params = new URLSearchParams(location.search);
const MAX_LINES = Number(params.get('max') ?? 40);
const NODE_BUDGET = 270;
const LABELS = { broadcaster: 'LIVE', moderator: 'MOD', vip: 'VIP', subscriber: 'SUB', founder: 'FDR' };
const FALLBACK = ['#ff7f50', '#1e90ff', '#9acd32', '#ff69b4', '#daa520', '#5f9ea0', '#b388ff', '#00ced1'];
if (params.get('effect')) document.body.classList.add(`effect-${params.get('effect')}`);

const chat = document.querySelector('.chat');
const kept = [];
let keptCost = 0;

function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function nameColor(tags) {
  if (/^#[0-9a-f]{6}$/i.test(tags.color ?? '')) return tags.color;
  let hash = 0;
  for (const c of tags.username ?? '') hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length];
}

/** The text with emotes as images; ranges count code points. Returns the number of images. */
function appendText(parent, text, emotes) {
  const ranges = [];
  for (const [id, spots] of Object.entries(emotes ?? {}))
    for (const spot of spots) {
      const [from, to] = spot.split('-').map(Number);
      ranges.push({ id, from, to });
    }
  ranges.sort((a, b) => a.from - b.from);
  const chars = Array.from(text);
  let at = 0;
  for (const { id, from, to } of ranges) {
    if (from > at) parent.append(chars.slice(at, from).join(''));
    const img = el('img', 'emote');
    img.src = `https://static-cdn.jtvnw.net/emoticons/v2/${id}/default/dark/1.0`;
    img.alt = chars.slice(from, to + 1).join('');
    parent.append(img);
    at = to + 1;
  }
  if (at < chars.length) parent.append(chars.slice(at).join(''));
  return ranges.length;
}

function render(tags, text) {
  const line = el('div', 'line');
  line.dataset.messageId = tags.id;
  const badges = Object.keys(tags.badges ?? {});
  let cost = 3;
  if (badges.length > 0) {
    const box = el('span', 'badges');
    for (const set of badges) {
      const badge = el('span', 'badge', LABELS[set] ?? set.slice(0, 5).toUpperCase());
      badge.dataset.badge = set;
      box.append(badge);
    }
    line.append(box);
    cost += 1 + badges.length;
  }
  const name = el('span', 'name', tags['display-name'] || tags.username);
  name.style.color = nameColor(tags);
  line.append(name, ': ');
  const body = el('span', 'text');
  cost += appendText(body, text, tags.emotes) + (text.match(/(^| )@\w/g)?.length ?? 0);
  line.append(body);
  return { line, cost };
}

function show(tags, text) {
  const { line, cost } = render(tags, text);
  chat.append(line);
  kept.push({ line, cost });
  keptCost += cost;
  while (kept.length > MAX_LINES || keptCost > NODE_BUDGET) {
    const oldest = kept.shift();
    keptCost -= oldest.cost;
    oldest.line.remove();
  }
}

const client = new tmi.Client({
  connection: {
    server: params.get('host'),
    port: Number(params.get('port')),
    secure: false,
    reconnect: true,
  },
  channels: [params.get('channel')],
  logger: { info() {}, warn() {}, error() {} },
});
client.on('message', (_channel, tags, text) => show(tags, text));
// tmi.js emits a message with bits as `cheer` only, never as `message`; a chat widget shows it like any line.
client.on('cheer', (_channel, tags, text) => show(tags, text));
client.on('join', () => (document.body.dataset.joined = '1'));
void client.connect();
