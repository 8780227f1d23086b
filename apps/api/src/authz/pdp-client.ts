import type { Client, Options } from "@cerbos/core";
import { GRPC } from "@cerbos/grpc";
import { HTTP } from "@cerbos/http";

/** The schemes a PDP URL may have: Cerbos's HTTP API, or its gRPC API (plaintext or TLS). */
export const pdpUrlSchemes = ["http", "https", "grpc", "grpcs"] as const;

/**
 * gRPC keeps one channel per PDP and, after a failed connection, waits before trying again
 * (grpc-js: 1 s growing to 120 s). A restarted PDP must be used again as soon as it is back, as
 * over HTTP: retry within 100 ms, never wait more than 1 s.
 */
const reconnect = { "grpc.initial_reconnect_backoff_ms": 100, "grpc.max_reconnect_backoff_ms": 1000 };

/** A Cerbos client and a way to release it (gRPC's channel; nothing for HTTP). */
export interface PdpClient {
  client: Client;
  close(): void;
}

/**
 * The client for one PDP URL: `http(s)://host:port` speaks Cerbos's HTTP API (@cerbos/http);
 * `grpc://host:port` (plaintext) or `grpcs://host:port` (TLS) its gRPC API (@cerbos/grpc), for
 * deployments that expose only the gRPC port. Not a speed lever here: the same lists and the
 * same API + PDP CPU per list as over HTTP (BENCHMARKS.md, section 4e). Any other scheme is refused.
 */
export function pdpClient(url: string, options: Options = {}): PdpClient {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme === "http" || scheme === "https") return { client: new HTTP(url, options), close: () => undefined };
  if (scheme === "grpc" || scheme === "grpcs") {
    if (parsed.port === "" || parsed.pathname.replace(/\/$/, "") !== "") {
      throw new Error(`a gRPC PDP URL is ${scheme}://host:port, with nothing after the port: ${url}`);
    }
    const grpc = new GRPC(parsed.host, { ...options, tls: scheme === "grpcs", channelOptions: reconnect });
    return { client: grpc, close: () => grpc.close() };
  }
  throw new Error(`a PDP URL starts with ${pdpUrlSchemes.map((s) => `${s}://`).join(", ")}: ${url}`);
}
