import { AUTH_ADMIN, AUTH_MEMBER, AUTH_MOD, AUTH_USER, BAN_FOREVER, type UserRow } from './fake-db';

/** A bot answer: public answers are posted in chat as `@author …` by the bot, private ones as `servermsg`. */
export interface BotResponse {
  text: string;
  public: boolean;
}

export interface CommandRequest {
  command: string;
  args: string[];
  author: UserRow;
}

/** What a command may do to the server. */
export interface CommandHost {
  nowSeconds(): number;
  formatTime(seconds: number): string;
  timers: Map<string, number>;
  info(): string;
  findUser(name: string): UserRow | undefined;
  dropMessages(ids: number[], updateDb: boolean): void;
  banUser(user: UserRow, until: number): void;
  unbanUser(user: UserRow): void;
  banAddress(address: string, until: number): void;
  setLevel(user: UserRow, level: number): void;
}

type Handler = (request: CommandRequest, host: CommandHost) => BotResponse;

const say = (text: string): BotResponse => ({ text, public: false });
const announce = (text: string): BotResponse => ({ text, public: true });
const stripAt = (name: string): string => name.replace(/^@+/, '');

function hhmmss(total: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function timer({ args }: CommandRequest, host: CommandHost): BotResponse {
  if (args.length === 2) {
    const action = (args[0] ?? '').toLowerCase();
    const name = (args[1] ?? '').toLowerCase();
    const started = host.timers.get(name);
    if (action === 'start') {
      if (started !== undefined) return announce(`Timer "${name}" already exists`);
      host.timers.set(name, host.nowSeconds());
      return announce(`Timer "${name}" created`);
    }
    if (action === 'check' || action === 'stop') {
      if (started === undefined) return announce(`Timer "${name}" does not exist`);
      const elapsed = hhmmss(host.nowSeconds() - started);
      const since = host.formatTime(started);
      if (action === 'check')
        return announce(`Timer "${name}" has been running for ${elapsed} (started ${since})`);
      host.timers.delete(name);
      return announce(`Timer "${name}" stopped at ${elapsed} (started ${since})`);
    }
  }
  return announce('Usage: timer <start/check/stop> <name>');
}

function remove({ command, args }: CommandRequest, host: CommandHost): BotResponse {
  if (args.length === 0) return say(`Usage: ${command} <messages-to-delete>`);
  const ids = args.filter((a) => /^[+-]?\d+$/.test(a)).map(Number);
  host.dropMessages(ids, true);
  return say(`${ids.length} message(s) deleted`);
}

function parseBanEnd(now: number, length: string | undefined): number | null {
  if (length === undefined) return BAN_FOREVER;
  if (/^[+-]?\d+$/.test(length)) return now + Number(length);
  const match = /^([+-]?\d+)([ydhms])$/i.exec(length);
  if (!match) return null;
  const unit = { y: 31536000, d: 86400, h: 3600, m: 60, s: 1 }[(match[2] ?? 's').toLowerCase() as 'y'];
  return now + Number(match[1]) * unit;
}

function ban({ command, args }: CommandRequest, host: CommandHost): BotResponse {
  if (args.length < 1 || args.length > 2) return say(`Usage: ${command} <name> [length-of-ban]`);
  const until = parseBanEnd(host.nowSeconds(), args[1]);
  if (until === null) return say(`Failed to parse ban timeframe: ${args[1]}`);
  const name = stripAt(args[0] ?? '');
  const user = host.findUser(name);
  // The real UPDATE skips admins (`auth_level != 100`), which then reads as "not found".
  if (!user || user.level === AUTH_ADMIN) return say(`Couldn't find user ${name}`);
  host.banUser(user, until);
  return say(`${name} banned until <span class='timestamp'>${until}</span>`);
}

function unban({ command, args }: CommandRequest, host: CommandHost): BotResponse {
  if (args.length !== 1) return say(`Usage: ${command} <name>`);
  const name = stripAt(args[0] ?? '');
  const user = host.findUser(name);
  if (!user) return say(`Couldn't find user ${name}`);
  host.unbanUser(user);
  return say(`${name} unbanned`);
}

/**
 * `!ipban <address>` blocks an address (docs/protocol-chatkc.md); every later packet from it gets
 * `status: banned`.
 */
function ipban({ command, args }: CommandRequest, host: CommandHost): BotResponse {
  if (args.length !== 1) return say(`Usage: ${command} <address>`);
  const address = args[0] ?? '';
  host.banAddress(address, BAN_FOREVER);
  return say(`${address} banned until <span class='timestamp'>${BAN_FOREVER}</span>`);
}

function setLevel(level: number): Handler {
  return ({ command, args }, host) => {
    if (args.length !== 1) return say(`Usage: ${command} <username>`);
    const name = stripAt(args[0] ?? '');
    const user = host.findUser(name);
    if (!user || user.level === AUTH_ADMIN) return say(`Failed to find user '${name}'`);
    host.setLevel(user, level);
    return say(`${name} auth level set to ${level} successfully`);
  };
}

const help: Handler = ({ author }) => {
  const allowed = [...COMMANDS.entries()].filter(([, c]) => author.level >= c.level).map(([name]) => name);
  return say(`Available commands: ${allowed.join(', ')}`);
};

/** The command table of docs/protocol-chatkc.md (sorted, as Qt's QMap lists it in `!help`). */
export const COMMANDS = new Map<string, { level: number; run: Handler }>([
  ['ban', { level: AUTH_ADMIN, run: ban }],
  ['commands', { level: AUTH_USER, run: help }],
  ['help', { level: AUTH_USER, run: help }],
  ['info', { level: AUTH_USER, run: (_r, host) => say(host.info()) }],
  ['ipban', { level: AUTH_ADMIN, run: ipban }],
  ['mod', { level: AUTH_ADMIN, run: setLevel(AUTH_MOD) }],
  ['rm', { level: AUTH_MOD, run: remove }],
  [
    'time',
    {
      level: AUTH_USER,
      run: (_r, h) => announce(`The time for the streamer is: ${h.formatTime(h.nowSeconds())}`),
    },
  ],
  ['timer', { level: AUTH_USER, run: timer }],
  ['unban', { level: AUTH_ADMIN, run: unban }],
  ['unmod', { level: AUTH_ADMIN, run: setLevel(AUTH_USER) }],
]);

/** Runs `!command args…`; null when the line holds no command at all (then not even `accepted` follows). */
export function runCommand(line: string, author: UserRow, host: CommandHost): BotResponse | null {
  const [first, ...args] = line.split(/\s+/).filter(Boolean);
  if (!first) return null;
  const command = first.toLowerCase();
  const entry = COMMANDS.get(command);
  if (!entry) return say(`Don't know command "${command}"`);
  if (author.level < entry.level) return say("You don't have permission to use this command.");
  return entry.run({ command, args, author }, host);
}

const GREETINGS = ['hello', 'hi', 'hey', 'salutations', 'greetings', 'sup', 'wassup'];
const EIGHT_BALL = [
  'It is certain.',
  'Without a doubt.',
  'Ask again later.',
  'Very doubtful.',
  'My reply is no.',
];

/** The bot answers greetings and `@Bot …?` questions that mention it. */
export function mentionResponse(
  line: string,
  author: UserRow,
  botName: string,
  random: () => number,
): BotResponse | null {
  const words = line.split(' ').map((w) => w.toLowerCase());
  const greeting = GREETINGS.some((g) => words.includes(g)) || /what'?s up/.test(line);
  if (greeting)
    return announce(author.level >= AUTH_MEMBER ? `Hey @${author.name}!` : 'I only say hello to subscribers');
  if (line.toLowerCase().startsWith(`@${botName.toLowerCase()}`) && line.endsWith('?')) {
    return announce(EIGHT_BALL[Math.floor(random() * EIGHT_BALL.length)] ?? 'Yes.');
  }
  return null;
}
