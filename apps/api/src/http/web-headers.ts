import type { RequestHandler } from "express";

// The headers of the web app the API serves from WEB_DIR (server.ts, serveWebApp): its
// Content-Security-Policy and how long a browser may keep each file. The headers every response
// gets (nosniff, no referrer, no framing, …) are http/security-headers.ts's.

/** `/assets/*`: Vite puts a content hash in every file name, so a file never changes. */
export const hashedAssetCache = "public, max-age=31536000, immutable";
/** `index.html` (and the SPA fallback): always asked again, so a new build is picked up at once. */
export const pageCache = "no-cache";

/**
 * The policy the app was run under with no violation (apps/web/README.md): scripts only from
 * here; inline styles because Radix's scroll lock inserts a <style> element; the favicon is a
 * `data:` URL; fetches to the API and, with OIDC, to the identity provider's token endpoint.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Sets the web app's CSP, and `Cache-Control: no-cache` on everything but `/assets/*` (whose
 * static middleware sets `hashedAssetCache`: it keeps a Cache-Control already set). `connectOrigins` names the identity provider's origins once
 * known (OIDC discovery); until then, and when it fails, the policy allows `fallbackOrigins`.
 */
export function webAppHeaders(options: {
  connectOrigins?: () => Promise<string[]>;
  fallbackOrigins?: string[];
}): RequestHandler {
  let known: string | undefined;
  const fallback = contentSecurityPolicy(options.fallbackOrigins);
  const policy = async () => {
    if (known !== undefined || !options.connectOrigins) return known ?? fallback;
    const origins = await options.connectOrigins().catch(() => undefined);
    if (origins === undefined) return fallback;
    known = contentSecurityPolicy([...new Set([...(options.fallbackOrigins ?? []), ...origins])]);
    return known;
  };
  return (req, res, next) => {
    void policy().then((value) => {
      res.setHeader("Content-Security-Policy", value);
      if (!req.path.startsWith("/assets/")) res.setHeader("Cache-Control", pageCache);
      next();
    }, next);
  };
}
