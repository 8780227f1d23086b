import type { RequestHandler } from "express";

// Response headers that cost nothing and close doors a browser would otherwise leave open.
// server.ts applies `everyResponse` to all responses and `apiResponses` to /trpc and /health on
// top; the served web app (WEB_DIR) adds its own set (its Content-Security-Policy and cache
// headers for hashed assets) through `securityHeaders` too. SECURITY.md says why each is there.

export type HeaderSet = Readonly<Record<string, string>>;

/** Every response, API and web app alike. */
export const everyResponse: HeaderSet = {
  // Never guess a type: a JSON answer is never run as a script or rendered as HTML.
  "X-Content-Type-Options": "nosniff",
  // No other site frames the API or the app (clickjacking); CSP frame-ancestors says it again.
  "X-Frame-Options": "DENY",
  // Links out of the app do not carry its URLs (ids, filters) to other sites.
  "Referrer-Policy": "no-referrer",
  // A window opened from another site gets no handle on ours, nor ours on it.
  "Cross-Origin-Opener-Policy": "same-origin",
  // Other origins may not embed our responses (no cross-site <img>/<script> reads of JSON).
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The API's answers: JSON only, never rendered, never stored (a login answer carries a token). */
export const apiResponses: HeaderSet = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cache-Control": "no-store",
};

/** Sets the headers on every response passing through (before the route writes it). */
export function securityHeaders(headers: HeaderSet): RequestHandler {
  const entries = Object.entries(headers);
  return (_req, res, next) => {
    for (const [name, value] of entries) res.setHeader(name, value);
    next();
  };
}
