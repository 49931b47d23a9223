import { readFileSync } from 'node:fs';
const lines = ['go-twitch-irc_channel-xqcow-2019.txt','chatterino_recentmessages-nymn-2024.txt'].flatMap(f=>readFileSync('/work/shared/corpora/twitch-irc/real/'+f,'utf8').split('\n').filter(Boolean)).map(l => Buffer.from(l).toString());
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
run('2indexOf', (line: string) => { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let semi = line.indexOf(';', pos); if (semi < 0 || semi > end) semi = end; let eq = line.indexOf('=', pos); if (eq<0||eq>semi) eq = semi; n += eq; pos = semi + 1; } return n; });
run('charloop', (line: string) => { const end = line.indexOf(' '); let pos = 1, n = 0; while (pos < end) { let eq = -1; let i = pos; let h = 0; for (; i < end; i++) { const c = line.charCodeAt(i); if (c === 61) { eq = i; break; } h = (h * 31 + c) | 0; } let semi = eq < 0 ? i : line.indexOf(';', eq); if (semi < 0 || semi > end) semi = end; n += h + semi; pos = semi + 1; } return n; });
run('charloop-all', (line: string) => { const end = line.indexOf(' '); let n = 0; let eq = 0; for (let i = 1; i < end; i++) { const c = line.charCodeAt(i); if (c === 61) eq = i; else if (c === 59) n += eq; } return n; });
