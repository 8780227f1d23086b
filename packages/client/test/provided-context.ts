// What the PDP global setup (packages/pdp/src/global-setup.ts, reached by path in
// vitest.config.ts) provides; declared here because @repo/pdp is not a dependency of this package.
declare module "vitest" {
  export interface ProvidedContext {
    cerbosUrl: string;
  }
}

export {};
