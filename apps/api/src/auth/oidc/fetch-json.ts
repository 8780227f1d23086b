/** GET a JSON document from the IdP within `timeoutMs`; any failure is an Error naming the URL. */
export async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error;
    throw new Error(`GET ${url} failed: ${reason instanceof Error ? (reason.cause ?? reason.message) : reason}`);
  }
  if (response.status !== 200) throw new Error(`GET ${url} answered HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`GET ${url} did not answer JSON`);
  }
}
