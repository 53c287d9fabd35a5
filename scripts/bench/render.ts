/**
 * `npm run bench:render`: personalise the typical newsletter (~30 KB of HTML, 10 merge tags,
 * 15 links) for generated contacts and build each complete MIME message, as a send would.
 *   1. one core: renders per second with the MIME build included (the goal: 20,000 per core);
 *   2. every core, one worker thread each: total renders per second;
 *   3. the baseline, measured now: the same template through plain liquidjs, with no MIME at all.
 * Options: --contacts N (default 100000).
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { Liquid } from "liquidjs";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { benchContact, newsletterMjml } from "./render/newsletter";
import { renderShare, type RenderResult } from "./render/render-worker";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const inThread = (from: number, to: number) =>
  new Promise<RenderResult>((resolve, reject) => {
    const worker = new Worker(new URL("./render/thread.mjs", import.meta.url), {
      workerData: { from, to },
    });
    worker.once("message", (result: RenderResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
  });

const liquidBaseline = async (contacts: number) => {
  const compiled = await compileEmail({ subject: "", preheader: "", sourceFormat: "mjml", source: newsletterMjml() });
  const liquid = new Liquid({ outputEscape: "escape" });
  const template = liquid.parse(compiled.htmlSource);
  const workspace = { id: "w1", name: "Retail Weekly", postalAddress: "Hong Kong" };
  const links = { unsubscribeUrl: "https://u", preferencesUrl: "https://p", viewInBrowserUrl: "https://v" };
  const start = performance.now();
  for (let n = 0; n < contacts; n++)
    liquid.renderSync(template, buildMergeScope({ contact: benchContact(n), workspace, appUrl: "https://h", links }));
  return { perSecond: (contacts / (performance.now() - start)) * 1000, htmlBytes: compiled.htmlSource.length, links: compiled.links.length };
};

const main = async () => {
  const contacts = arg("contacts", 100_000);
  const cores = os.availableParallelism();
  console.log(`bench:render: ${fmt(contacts)} personalised newsletters, full MIME each (${cores} cores)\n`);

  await renderShare({ from: 0, to: 2_000 }); // warm up the JIT
  const one = await renderShare({ from: 0, to: contacts });
  const perSecond = (one.messages / one.ms) * 1000;
  console.log("one core");
  console.log(`  renders/s (MIME included): ${fmt(perSecond)}   goal 20,000 per core: ${perSecond >= 20_000 ? "met" : "NOT met"}`);
  console.log(`  CPU time per render:       ${((one.cpuMs / one.messages) * 1000).toFixed(1)} µs`);
  console.log(`  MIME bytes/s:              ${fmt(((one.bytes / one.ms) * 1000) / 1e6)} MB/s (${fmt(one.bytes / one.messages)} bytes per message)`);

  const share = Math.ceil(contacts / cores);
  const start = performance.now();
  const results = await Promise.all(Array.from({ length: cores }, (_, i) => inThread(i * share, Math.min(contacts, (i + 1) * share))));
  const wall = performance.now() - start;
  const total = results.reduce((sum, r) => sum + r.messages, 0);
  const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`\nall ${cores} cores (worker threads, start-up and compile included)`);
  console.log(`  renders/s: ${fmt((total / wall) * 1000)}   per core: ${fmt((total / wall) * 1000 / cores)}   MIME: ${fmt(((bytes / wall) * 1000) / 1e6)} MB/s`);

  const baseline = await liquidBaseline(Math.min(contacts, 20_000));
  console.log(`\nbaseline, same run: plain liquidjs render of the same ${fmt(baseline.htmlBytes)}-byte HTML (${baseline.links} tracked links), no MIME`);
  console.log(`  renders/s: ${fmt(baseline.perSecond)}   Herald with MIME is ${(perSecond / baseline.perSecond).toFixed(1)}x that`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
