import { readFileSync } from 'node:fs';
import { lookupTag } from '../src/main/core/sources/twitch-irc/irc-tags';
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
const arr: (string|undefined)[] = new Array(70);
run('scan2indexOf', (line: string) => { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; n += eq; pos = semi + 1; } return n; });
run('scan+lookup', (line: string) => { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; n += lookupTag(line, pos, eq); pos = semi + 1; } return n; });
run('scan+slice', (line: string) => { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; arr[n++ & 63] = line.slice(eq+1, semi); pos = semi + 1; } return n; });
run('alloc70', () => new Array(70));
run('alloc40', () => new Array(40));
run('alloc40fill', () => { const a = new Array(40); return a; });
run('flatten', (l: string) => { const f = (l as any) ; return f.length; });
