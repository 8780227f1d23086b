import { isIP } from "node:net";
import type { Request } from "express";

// Who is on the other end of a request, for the login limiter (auth/rate-limit.ts): the socket's
// address, or the client a trusted proxy names in X-Forwarded-For. Express computes `req.ip`
// from its `trust proxy` setting (server.ts sets it to TRUSTED_PROXIES and nothing else), so a
// header sent by anyone else is ignored.

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is 127.0.0.1. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

export function clientAddressOf(req: Pick<Request, "ip" | "socket">): string {
  const address = req.ip ?? req.socket?.remoteAddress;
  return address ? normalizeAddress(address) : "unknown";
}

/** A TRUSTED_PROXIES entry: an IP address or a CIDR block (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  if (!address || rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
