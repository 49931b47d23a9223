import type { ActionResult, ModAction, SendRequest } from '../../../../shared/api';
import type { Capability, SourceRef } from '../../../../shared/events';
import type { ChatKcSourceConfig } from '../../../../shared/settings';
import { registerSecret } from '../../log/mask';
import type { BackoffOptions } from '../../net/backoff';
import { ConnectionManager } from '../../net/connection-manager';
import { unsupported, type ChatSource, type SourceContext } from '../source';
import { StatusReporter } from '../status-reporter';
import { ChatKcHistory } from './chat-history';
import { openChatKcConnection, type ChatKcConnection } from './connection';
import { ChatKcReceiver } from './receiver';
import type { Expectation } from './requests';
import type { ClientFrame } from './protocol';

export interface ChatKcDeps {
  token: string | null;
  random?: () => number;
  backoff?: BackoffOptions;
  ackTimeoutMs?: number;
}

const DEFAULT_ACK_TIMEOUT_MS = 5000;

interface Command {
  capability: Capability;
  frame: ClientFrame;
  expect: Expectation;
  deleteId?: number;
}

const message = (text: string, reply = 0): ClientFrame => ({ type: 'message', data: { text, reply } });
const command = (capability: Capability, text: string): Command => ({
  capability,
  frame: message(text),
  expect: 'command',
});
const badRequest = (text: string): ActionResult => ({ ok: false, code: 'bad-request', message: text });
/** Names and addresses go into a chat command: one word, no spaces. */
const oneWord = (value: string): string | null => (/^\S{1,64}$/.test(value) ? value : null);

/**
 * The ChatKC source (stream.mattkc.com's chat, docs/chatkc.md): read-only without a token; with one, sending
 * and the moderation `!commands` its auth level allows. Reconnects lose nothing: `hello` asks for everything
 * after the highest id seen, and ids already shown are dropped.
 */
export function createChatKcSource(
  config: ChatKcSourceConfig,
  ctx: SourceContext,
  deps: ChatKcDeps,
): ChatSource {
  const ref: SourceRef = { sourceId: config.id, provider: 'chatkc', channel: config.channel };
  const log = ctx.log.child('chatkc');
  registerSecret(deps.token);
  const reporter = new StatusReporter(ref, `ChatKC ${config.channel}`, ctx.emit, ctx.clock);
  const history = new ChatKcHistory();
  const receiver = new ChatKcReceiver({
    ref,
    clock: ctx.clock,
    log,
    emit: ctx.emit,
    reporter,
    history,
    hasToken: Boolean(deps.token),
  });
  const manager = new ConnectionManager<ChatKcConnection>({
    name: `chatkc ${config.channel}`,
    connect: () =>
      openChatKcConnection(
        {
          url: config.url,
          token: deps.token,
          clock: ctx.clock,
          ackTimeoutMs: deps.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
          onFrame: (raw, connection) => receiver.handleRaw(raw, connection),
          onBinaryFrame: () => receiver.countBinaryFrame(),
        },
        history.lastMessageId,
      ),
    clock: ctx.clock,
    log,
    reporter,
    backoff: deps.backoff,
    random: deps.random,
  });

  const submit = async (cmd: Command): Promise<ActionResult> => {
    if (!deps.token) return { ok: false, code: 'unauthorized', message: 'Not signed in: read-only' };
    if (!receiver.capabilities().includes(cmd.capability)) {
      return { ok: false, code: 'forbidden', message: `Your ChatKC level does not allow ${cmd.capability}.` };
    }
    const connection = manager.current;
    if (!connection) return { ok: false, code: 'offline', message: 'ChatKC is not connected.' };
    const result = await connection.requests.submit(cmd.expect, cmd.frame, cmd.deleteId);
    if (cmd.frame.type === 'setuserconf' && result.ok) {
      // The server does not push the new name, status or level: ask for them.
      connection.send({ type: 'status', data: {} });
      connection.send({ type: 'getuserconf' });
    }
    reporter.setCounter('queueDepth', connection.queueDepth);
    return result;
  };

  return {
    ref,
    start: () => manager.start(),
    stop: () => manager.stop(),
    status: () => ({ ...reporter.get(), counters: { ...reporter.get().counters, ...manager.counters } }),
    reconnect: () => manager.reconnectNow(),
    send: async (request: SendRequest) => {
      const text = request.text.trim();
      if (!text) return badRequest('The message is empty.');
      const reply = request.replyTo ? Number(request.replyTo) || 0 : 0;
      const expect: Expectation = /^[!/]/.test(text) ? 'command' : 'chat';
      return submit({ capability: reply ? 'reply' : 'send', frame: message(text, reply), expect });
    },
    act: async (action: ModAction) => {
      const cmd = commandFor(action, receiver.account);
      return typeof cmd === 'object' && 'frame' in cmd ? submit(cmd) : cmd;
    },
  };
}

function commandFor(
  action: ModAction,
  account: { name: string | null; color: string | null },
): Command | ActionResult {
  switch (action.type) {
    case 'delete': {
      const id = /^\d{1,15}$/.test(action.messageId) ? Number(action.messageId) : 0;
      if (id <= 0) return badRequest('This message cannot be deleted (the server did not store it).');
      return { capability: 'delete', frame: message(`!rm ${id}`), expect: 'delete', deleteId: id };
    }
    case 'ban':
    case 'unban':
    case 'mod':
    case 'unmod': {
      const login = oneWord(action.login);
      return login ? command(action.type, `!${action.type} ${login}`) : badRequest('Not a ChatKC user name.');
    }
    case 'ipban': {
      const address = oneWord(action.address);
      return address ? command('ipban', `!ipban ${address}`) : badRequest('Not an address.');
    }
    case 'userConf': {
      const name = action.name ?? account.name ?? '';
      const color = (action.color ?? account.color ?? 'FFFFFF').replace(/^#/, '').toUpperCase();
      return {
        capability: 'userConf',
        frame: { type: 'setuserconf', data: { name, color } },
        expect: 'userconf',
      };
    }
    default:
      return unsupported(`ChatKC ${action.type}`);
  }
}
