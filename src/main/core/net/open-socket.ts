import WebSocket from 'ws';

export interface OpenSocketOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Largest frame accepted; bigger frames close the socket (protects against hostile servers). */
  maxPayload?: number;
}

/** Open a WebSocket and resolve once it is open; reject on error, early close or timeout. */
export function openSocket(url: string, options: OpenSocketOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, {
        headers: options.headers,
        maxPayload: options.maxPayload ?? 4 * 1024 * 1024,
        handshakeTimeout: options.timeoutMs ?? 10_000,
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const fail = (error: Error): void => {
      cleanup();
      socket.terminate();
      reject(error);
    };
    const onOpen = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (error: Error): void => fail(error);
    const onClose = (code: number): void => fail(new Error(`socket closed before open (code ${code})`));
    const cleanup = (): void => {
      socket.off('open', onOpen);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.on('open', onOpen);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
}
