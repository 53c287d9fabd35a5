import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startTrpcServer } from "@/server/testing/trpc-http";
import { createHeraldClient, type AppRouter } from "./index";

const REPO = path.resolve(import.meta.dirname, "..");
const TSC = path.join(REPO, "node_modules/.bin/tsc");

/** What a customer's project looks like: strict, bundler resolution, importing the SDK by path alias. */
const consumerTsconfig = (file: string) => ({
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: "ES2022",
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["ES2023", "DOM"],
    types: ["node"],
    typeRoots: [path.join(REPO, "node_modules/@types")],
    paths: { "@/*": [path.join(REPO, "*")] },
  },
  files: [file],
});

const CONSUMER = `
import { createHeraldClient, type HeraldClient } from "@/sdk/index";

const herald: HeraldClient = createHeraldClient({ baseUrl: "https://herald.example.com", apiKey: "hrld_example" });

export const describeWorkspace = async (): Promise<string> => {
  const workspace = await herald.workspaces.current.query();
  const id: string = workspace.id;
  const name: string = workspace.name;
  const slug: string = workspace.slug;
  const createdAt: Date = workspace.createdAt;
  const role: "owner" | "admin" | "editor" | "viewer" = workspace.role;

  // @ts-expect-error: there is no such procedure
  await herald.workspaces.deleteEverything.mutate();
  // @ts-expect-error: rename takes { name: string }
  await herald.workspaces.rename.mutate({ name: 42 });
  // @ts-expect-error: current is a query, not a mutation
  await herald.workspaces.current.mutate();

  return \`\${name} (\${slug}, \${id}) since \${createdAt.toISOString()} as \${role}\`;
};
`;

/** The same consumer misusing a field: must fail, proving the check above really type-checks. */
const MISTAKEN_CONSUMER = `
import { createHeraldClient } from "@/sdk/index";

export const broken = async () => {
  const workspace = await createHeraldClient({ baseUrl: "https://h.example.com", apiKey: "k" }).workspaces.current.query();
  const count: number = workspace.name;
  return count;
};
`;

const compile = async (dir: string, name: string, source: string) => {
  await writeFile(path.join(dir, `${name}.ts`), source);
  await writeFile(path.join(dir, `${name}.tsconfig.json`), JSON.stringify(consumerTsconfig(`${name}.ts`)));
  try {
    const { stdout } = await promisify(execFile)(TSC, ["-p", path.join(dir, `${name}.tsconfig.json`)], { cwd: dir });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
};

describe("the SDK's types, as a customer's TypeScript sees them", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "herald-sdk-consumer-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("compiles a strict consumer that uses typed results and whose misuses are compile errors", async () => {
    const [good, mistaken] = await Promise.all([
      compile(dir, "consumer", CONSUMER),
      compile(dir, "mistaken", MISTAKEN_CONSUMER),
    ]);
    expect(good.output).toBe("");
    expect(good.code).toBe(0);

    expect(mistaken.code).not.toBe(0);
    expect(mistaken.output).toContain("mistaken.ts(6,9): error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(mistaken.output.trim().split("\n")).toHaveLength(1);
  });
});

describe("the SDK against a running server", () => {
  let server: Awaited<ReturnType<typeof startTrpcServer>>;
  beforeAll(async () => {
    server = await startTrpcServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("reads the key's workspace over HTTP, with dates intact", async () => {
    const { workspace, owner } = await createTestWorkspace("SDK Workspace");
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["workspace:read"]);
    const herald = createHeraldClient({ baseUrl: `${server.baseUrl}/`, apiKey: secret });

    const current = await herald.workspaces.current.query();
    expect(current).toEqual({
      id: workspace.id,
      name: "SDK Workspace",
      slug: workspace.slug,
      postalAddress: null,
      createdAt: workspace.createdAt,
      role: "editor",
    });
    expect(current.createdAt).toBeInstanceOf(Date);
  });

  it("rejects a revoked key with a TRPCClientError saying the key is invalid or revoked", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { apiKey, secret } = await createTestApiKey(workspace.id, owner.id, ["workspace:read"]);
    const herald = createHeraldClient({ baseUrl: server.baseUrl, apiKey: secret });
    await herald.workspaces.current.query();
    await callerFor(owner, workspace.id).apiKeys.revoke({ apiKeyId: apiKey.id });

    const error = await herald.workspaces.current.query().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    const clientError = error as TRPCClientError<AppRouter>;
    expect(clientError.message).toBe("The API key is not valid or has been revoked");
    expect(clientError.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
  });

  it("names the missing scope, and refuses administration, through the same client", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["smtp"]);
    const herald = createHeraldClient({ baseUrl: server.baseUrl, apiKey: secret });
    await expect(herald.workspaces.current.query()).rejects.toMatchObject({
      message: 'This API key lacks the "workspace:read" scope',
      data: { code: "FORBIDDEN", httpStatus: 403 },
    });
    await expect(herald.apiKeys.create.mutate({ name: "escalate", scopes: ["send"] })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  it("refuses to build a client without a usable base URL or key", () => {
    expect(() => createHeraldClient({ baseUrl: "herald.example.com", apiKey: "hrld_x" })).toThrow(
      'baseUrl must start with http:// or https:// (got "herald.example.com")',
    );
    expect(() => createHeraldClient({ baseUrl: "https://herald.example.com", apiKey: "" })).toThrow(/apiKey is required/);
  });
});
