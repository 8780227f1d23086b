// `@repo/client/schemas`: the API's input schemas (zod), for validating a form before it is sent.
// They are the very schemas the API validates with, defined beside the router in apps/api
// (src/schemas.ts, which imports nothing but zod: no server code reaches a browser bundle).
export * from "@repo/api/schemas";
