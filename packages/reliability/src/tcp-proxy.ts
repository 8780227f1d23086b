import { connect, createServer, type Server, type Socket } from "node:net";

export type ProxyMode = { kind: "pass" } | { kind: "delay"; ms: number } | { kind: "blackhole" };

export interface TcpProxy {
  /** `http://127.0.0.1:PORT`: give this to the API instead of the PDP's own URL. */
  url: string;
  port: number;
  setMode(mode: ProxyMode): void;
  /** Client-side sockets currently open through the proxy. */
  openSockets(): number;
  /** Connections accepted since start. */
  accepted(): number;
  /** Destroys every open connection (e.g. when a stall ends). */
  dropAll(): void;
  stop(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of the PDP. In `delay` mode each chunk is held before it is
 * forwarded; in `blackhole` mode connections are accepted and bytes swallowed, so the PDP looks
 * alive to TCP but never answers (the worst kind of stall).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = { kind: "pass" };
  let accepted = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    accepted++;
    sockets.add(client);
    const upstream = connect(target.port, target.host);
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (chunk) => {
        const current = mode;
        if (current.kind === "blackhole") return;
        if (current.kind === "delay") setTimeout(() => to.destroyed || to.write(chunk), current.ms);
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no TCP address");
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    setMode: (next) => {
      mode = next;
    },
    openSockets: () => sockets.size,
    accepted: () => accepted,
    dropAll,
    stop: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
