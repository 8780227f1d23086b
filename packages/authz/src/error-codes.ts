import type { ResourceMappingError, UnsupportedQueryPlanError } from "./errors.ts";
import type { CheckResourcesAnswerError } from "./query/errors.ts";

/**
 * Recognise the package's errors by their stable `code`: `instanceof` fails when two copies of
 * the package are loaded (its ESM and CommonJS builds in one process, or two installed versions).
 */
function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

export const isUnsupportedQueryPlanError = (error: unknown): error is UnsupportedQueryPlanError =>
  hasCode(error, "ERR_UNSUPPORTED_QUERY_PLAN");

export const isResourceMappingError = (error: unknown): error is ResourceMappingError =>
  hasCode(error, "ERR_RESOURCE_MAPPING");

export const isCheckResourcesAnswerError = (error: unknown): error is CheckResourcesAnswerError =>
  hasCode(error, "ERR_CHECK_RESOURCES_ANSWER");
