/**
 * A CheckResources answer the library cannot use: the PDP reported validation errors (its
 * schemas reject the resource's attributes), left out a resource or an action, or answered for
 * another resource. Nothing is returned in that case (fail closed).
 */
export class CheckResourcesAnswerError extends Error {
  override readonly name = "CheckResourcesAnswerError";
  /** Stable across copies of the package (ESM and CommonJS builds): test `code`, not `instanceof`. */
  readonly code = "ERR_CHECK_RESOURCES_ANSWER";

  constructor(
    message: string,
    /** The CheckResources call, for the PDP's audit log. */
    readonly cerbosCallId: string,
  ) {
    super(`${message} (cerbosCallId ${cerbosCallId})`);
  }
}
