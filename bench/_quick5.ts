import { readFileSync } from 'node:fs';
import { KNOWN_TAGS, lookupTag } from '../src/main/core/sources/twitch-irc/irc-tags';
const lines0 = ['go-twitch-irc_channel-xqcow-2019.txt','chatterino_recentmessages-nymn-2024.txt'].flatMap(f=>readFileSync('/work/shared/corpora/twitch-irc/real/'+f,'utf8').split('\n').filter(Boolean));
const flat = lines0.map(l => Buffer.from(l).toString());
function run(name: string, lines: string[], fn: (l: string)=>unknown) {
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) for (const l of lines) { if (fn(l)) sink++; }
    const dt = performance.now() - t0;
    if (r >= 3) console.log(name, Math.round(lines.length*20/(dt/1000)));
  }
  return sink;
}
function scan(line: string, lk: (line: string, s: number, e: number) => number) { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; n += lk(line, pos, eq); pos = semi + 1; } return n; }
const lens = KNOWN_TAGS.map(k => k.length);
const predicted = new Int16Array(128).fill(-1);
function scanPredict(line: string) { const end = line.indexOf(' '); let pos = 1, n = 0, i = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi;
  const c = predicted[i & 127]; let slot: number;
  if (c >= 0 && lens[c] === eq - pos && line.startsWith(KNOWN_TAGS[c], pos)) slot = c; else { slot = lookupTag(line, pos, eq); predicted[i & 127] = slot; }
  n += slot; i++; pos = semi + 1; } return n; }
run('lookup-sliced', lines0, (l) => scan(l, lookupTag));
run('lookup-flat', flat, (l) => scan(l, lookupTag));
run('predict-sliced', lines0, scanPredict);
run('predict-flat', flat, scanPredict);
