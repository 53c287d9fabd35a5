// The part of async-exit-hook Herald touches (see scripts/lib/embedded-postgres.ts).
declare module "async-exit-hook" {
  const asyncExitHook: { unhookEvent(event: string): void };
  export default asyncExitHook;
}
