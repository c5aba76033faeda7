// The browser journeys (tests/browser/README.md). Each run starts the app (Spin, or palabre-host)
// on its own temporary database with the demo commune, then walks the
// journeys in one language with JavaScript on or off; every page they reach
// gets the checks of `Tab.land` (axe-core among them).
//   node run.mjs [--gallery] [--runs fr-js,fr-nojs,...]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, Failure, OUT, ROOT, VIEWPORTS, checkTheChecker, startHost, startProvider } from './lib.mjs';
import { budget, citizen, everyday, identity, staff, visitor } from './journeys.mjs';
import { hostile } from './hostile.mjs';

const RUNS = [
  { id: 'fr-js', lang: 'fr', locale: 'fr-FR', js: true, screenshots: true },
  { id: 'fr-nojs', lang: 'fr', locale: 'fr-FR', js: false },
  { id: 'en-js', lang: 'en', locale: 'en-GB', js: true },
  { id: 'en-nojs', lang: 'en', locale: 'en-GB', js: false },
  { id: 'de-js', lang: 'de', locale: 'de-DE', js: true },
  { id: 'de-nojs', lang: 'de', locale: 'de-DE', js: false },
];
const JOURNEYS = { visitor, citizen, staff, everyday, budget, identity, hostile };

// The screenshots shown in the README (docs/screenshots/), from the fr-js run.
const GALLERY = ['home', 'process', 'discussion', 'proposal', 'questionnaire', 'admin'];

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const only = option('--runs')?.split(',');
  const runs = RUNS.filter((r) => !only || only.includes(r.id));
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await checkTheChecker(browser);
  const report = { runs: [] };
  let failed = 0;
  // Each run's host starts (and compiles its components) while the previous run works.
  const provider = await startProvider().ready;
  let next = startHost(provider);
  for (const [i, spec] of runs.entries()) {
    const host = await next.ready;
    await provider.register(host.base);
    next = i + 1 < runs.length ? startHost(provider) : null;
    const run = { ...spec, browser, host, pages: [], violations: [], keyboard: [], failures: [] };
    // Where axe checks the pages of a run without JavaScript (Tab.axe).
    let axeContext;
    run.axePage = async () => {
      if (!axeContext) {
        axeContext = await browser.newContext({ locale: run.locale, viewport: VIEWPORTS.desktop });
        await axeContext.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
        run.axeTab = await axeContext.newPage();
      }
      return run.axeTab;
    };
    const t0 = Date.now();
    for (const [name, journey] of Object.entries(JOURNEYS)) {
      try {
        // A journey takes well under a minute; a hung browser must not hang CI.
        let timer;
        const limit = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Failure('no end after 5 minutes')), 300000);
        });
        await Promise.race([journey(run), limit]).finally(() => clearTimeout(timer));
      } catch (e) {
        if (!(e instanceof Failure)) console.error(e);
        run.failures.push(`${name}: ${e.message}`);
      }
    }
    await axeContext?.close();
    host.stop();
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(
      `${run.id} on ${host.runner}: ${run.pages.length} pages, ${run.keyboard.length} keyboard checks, ` +
        `${run.violations.length} axe violations, ${run.failures.length} failed journeys (${seconds} s)`,
    );
    for (const f of run.failures) console.log(`  FAILED ${f}`);
    for (const v of run.violations) {
      console.log(`  AXE ${v.rule} (${v.impact}) on ${v.journey} / ${v.page}: ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.log(`      ${n.replace(/\n/g, ' ')}`);
    }
    failed += run.failures.length + run.violations.length;
    report.runs.push({
      id: run.id,
      pages: run.pages,
      keyboard: run.keyboard,
      violations: run.violations,
      failures: run.failures,
    });
  }
  if (next) (await next.ready).stop();
  await browser.close();
  provider.stop();
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 1));
  if (process.argv.includes('--gallery')) {
    const dir = path.join(ROOT, 'docs/screenshots');
    fs.mkdirSync(dir, { recursive: true });
    for (const name of GALLERY) {
      for (const size of ['phone', 'desktop']) {
        const file = `${name}-${size}.png`;
        fs.copyFileSync(path.join(OUT, 'screenshots', file), path.join(dir, file));
      }
    }
  }
  const pages = report.runs.reduce((n, r) => n + r.pages.length, 0);
  console.log(
    `browser tests: ${runs.length} runs, ${pages} pages checked, ${failed ? `${failed} problems` : 'no problem'} ` +
      `(${((Date.now() - started) / 1000).toFixed(0)} s; report in target/browser/report.json)`,
  );
  return failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
