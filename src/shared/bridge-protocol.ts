/**
 * Constants of the headless WebSocket bridge (docs/bridge-protocol.md), shared by the server
 * (src/main/headless) and the browser client (src/renderer/src/bridge/ws-bridge.ts).
 */

/** The subprotocol the mod page offers and the server answers with. */
export const MOD_PROTOCOL = 'onair-mod.v1';
/** The mod page offers its secret as a second subprotocol: `secret.<secret>`. */
export const SECRET_PROTOCOL_PREFIX = 'secret.';

/** WebSocket path of each view kind. */
export const VIEW_SOCKET_PATHS = { overlay: '/ws/overlay', mod: '/ws/mod' } as const;

/** Frames above this are refused (close 1009); requests are small JSON objects. */
export const MAX_FRAME_BYTES = 64 * 1024;
