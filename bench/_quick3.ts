import { readFileSync } from 'node:fs';
import { KNOWN_TAGS } from '../src/main/core/sources/twitch-irc/irc-tags';
const lines = ['go-twitch-irc_channel-xqcow-2019.txt','chatterino_recentmessages-nymn-2024.txt'].flatMap(f=>readFileSync('/work/shared/corpora/twitch-irc/real/'+f,'utf8').split('\n').filter(Boolean));
function run(name: string, fn: (l: string)=>unknown) {
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) for (const l of lines) { if (fn(l)) sink++; }
    const dt = performance.now() - t0;
    if (r >= 3) console.log(name, Math.round(lines.length*20/(dt/1000)));
  }
  return sink;
}
const map = new Map(KNOWN_TAGS.map((k, i) => [k, i] as [string, number]));
const obj: Record<string, number> = Object.create(null); KNOWN_TAGS.forEach((k, i) => { obj[k] = i; });
function scan(line: string, lk: (line: string, s: number, e: number) => number) { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; n += lk(line, pos, eq); pos = semi + 1; } return n; }
run('map', (l) => scan(l, (line, s, e) => map.get(line.slice(s, e)) ?? -1));
run('obj', (l) => scan(l, (line, s, e) => obj[line.slice(s, e)] ?? -1));
run('hashonly', (l) => scan(l, (text, start, end) => { const length = end - start; return (length * 131 + text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 7 + text.charCodeAt(end - 1) * 3 + text.charCodeAt(start + (length >> 2))) & 1023; }));
run('startsWith', (l) => scan(l, (text, start) => text.startsWith('badge-info', start) ? 1 : 0));
run('slice-key', (l) => scan(l, (text, start, end) => text.slice(start, end).length));
