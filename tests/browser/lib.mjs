// Support for the browser journeys: the app (on Spin, or palabre-host) on a temporary database,
// Chromium through playwright-core, and the checks every visited page gets
// (status, structure, language, axe-core, console and CSP errors).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT = path.join(ROOT, 'target/browser');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// The WCAG 2.0 and 2.1 rules of levels A and AA: the RGAA's bar.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Chromium as root in a container, with no background traffic: this
// machine's network is closed and those connections would only fail.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

/**
 * The runner: Spin wherever a Spin binary is found (SPIN_BIN, or `spin` on
 * PATH), as the communes run it; palabre-host otherwise. PALABRE_E2E_RUNNER
 * set to `host` or `spin` chooses.
 */
export function runner() {
  const wanted = process.env.PALABRE_E2E_RUNNER || '';
  if (wanted !== 'host') {
    const candidates = process.env.SPIN_BIN
      ? [process.env.SPIN_BIN]
      : (process.env.PATH || '').split(path.delimiter).map((d) => path.join(d, 'spin'));
    const spin = candidates.find((c) => c && fs.existsSync(c) && fs.statSync(c).isFile());
    if (spin) return { name: 'spin', bin: spin };
    check(wanted !== 'spin', 'PALABRE_E2E_RUNNER=spin, but no Spin binary (SPIN_BIN, or spin on PATH)');
  }
  const bin = process.env.PALABRE_HOST_BIN || path.join(ROOT, 'target/host/palabre-host');
  check(fs.existsSync(bin), `${bin} is missing: run scripts/build first`);
  return { name: 'palabre-host', bin };
}

/** A free port on loopback (Spin is told one; palabre-host picks its own). */
function freePort() {
  const script = 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])';
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  check(r.status === 0, `no free port: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * The test OpenID provider (tests/oidc/provider.mjs, FranceConnect-like) on a
 * free port; each app registers its callback with it before its journeys.
 */
export function startProvider() {
  const child = spawn('node', ['provider.mjs'], {
    cwd: path.join(ROOT, 'tests/oidc'),
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const provider = {
    uris: [],
    stop() {
      child.kill('SIGKILL');
    },
    async register(base) {
      provider.uris.push(`${base}/account/oidc/franceconnect/callback`);
      const r = await fetch(`${provider.issuer}/__test/configure`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ redirect_uris: provider.uris }),
      });
      check(r.ok, `the test provider did not take the callback of ${base}`);
    },
  };
  provider.ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening (http:\/\/[0-9.:]+)/);
      if (m && !provider.issuer) {
        provider.issuer = m[1];
        resolve(provider);
      }
    });
    child.on('exit', (code) => reject(new Failure(`the test provider exited (${code}):\n${out}`)));
  });
  return provider;
}

/** Starts the app (Spin or palabre-host) on a fresh temporary database with
 * the demo commune, with `provider` as its FranceConnect when given. */
export function startHost(provider) {
  const oidc = provider
    ? {
        SPIN_VARIABLE_OIDC_FRANCECONNECT_ORIGIN: provider.issuer,
        SPIN_VARIABLE_OIDC_FRANCECONNECT_ISSUER: provider.issuer,
        SPIN_VARIABLE_OIDC_FRANCECONNECT_CLIENT_ID: 'palabre-demo',
        SPIN_VARIABLE_OIDC_FRANCECONNECT_CLIENT_SECRET: 'palabre-demo-secret-not-for-production',
      }
    : {};
  const { name, bin } = runner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-browser-'));
  const listen = name === 'spin' ? `127.0.0.1:${freePort()}` : '127.0.0.1:0';
  const child = spawn(
    bin,
    ['up', '--listen', listen, '--from', path.join(ROOT, 'spin.toml'), '--state-dir', dir],
    {
      cwd: ROOT,
      // Spin runs its trigger as a child process: the app gets a process
      // group of its own, stopped as a whole.
      detached: true,
      env: {
        ...process.env,
        SPIN_VARIABLE_SESSION_KEY: randomBytes(33).toString('base64url'),
        SPIN_VARIABLE_DEMO_SEED: 'true',
        // The journeys read back what they just wrote.
        SPIN_VARIABLE_PUBLIC_CACHE_MS: '0',
        ...oidc,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const host = {
    dir,
    runner: name,
    db: path.join(dir, 'sqlite_db.db'),
    log: () => log,
    stop() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  host.ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // palabre-host: "Serving palabre at http://…"; Spin: "Serving http://…".
      const m = out.match(/Serving (?:\S+ at )?(http:\/\/[0-9.:]+)/);
      if (m && !host.base) {
        host.base = m[1];
        resolve(host);
      }
    });
    child.on('exit', (code) => reject(new Failure(`${name} exited (${code}):\n${out}${log}`)));
  });
  return host;
}

/** Rows of a read-only query on the host's database (Python's sqlite3 module). */
export function sql(db, query, ...params) {
  const script =
    'import json, sqlite3, sys\n' +
    'c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True, timeout=5)\n' +
    'print(json.dumps([list(r) for r in c.execute(sys.argv[2], json.loads(sys.argv[3]))]))\n';
  const r = spawnSync('python3', ['-c', script, db, query, JSON.stringify(params)], {
    encoding: 'utf8',
  });
  check(r.status === 0, `query failed: ${query}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Moves the keyboard's starting point to the top of the page, as a fresh
// load has it: focus on an element before everything else that Tab skips.
function fromTheTop() {
  let start = document.getElementById('kb-start');
  if (!start) {
    start = document.createElement('span');
    start.id = 'kb-start';
    start.tabIndex = -1;
    document.body.prepend(start);
  }
  start.focus();
  window.scrollTo(0, 0);
}

// The focused element: its mark from `keyboard`, a name for messages, and
// whether its focus shows (an outline of 2px or more, or a ring).
function focusNow() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const shadowed = s.boxShadow !== 'none';
  const href = el.getAttribute('href');
  return {
    kb: el.dataset.kb ?? null,
    what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.name ? '[name=' + el.name + ']' : ''}${href ? '[href=' + href + ']' : ''}`,
    visible: outlined || shadowed,
    style: `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow} ${el.matches(':focus')}`,
  };
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

/**
 * One journey in one browser context: its own cookies, its language, with
 * JavaScript on or off. Every page it lands on is checked and recorded.
 */
export class Tab {
  constructor(run, journey, context, page) {
    this.run = run;
    this.journey = journey;
    this.context = context;
    this.page = page;
    this.status = 0;
    this.errors = [];
    // The language pages should be in: the run's, unless an account says otherwise.
    this.lang = run.lang;
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
        this.status = r.status();
      } else if (r.status() >= 400) {
        this.errors.push(`${r.request().resourceType()} ${r.url()}: status ${r.status()}`);
      }
    });
    page.on('pageerror', (e) => this.errors.push(`script error: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && !text.startsWith('Failed to load resource')) {
        this.errors.push(`console: ${text}`);
      }
    });
  }

  static async open(run, journey) {
    const context = await run.browser.newContext({
      javaScriptEnabled: run.js,
      locale: run.locale,
      viewport: VIEWPORTS.desktop,
      acceptDownloads: true,
    });
    // Nothing leaves the machine: map tiles and any outside address fail at once.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    return new Tab(run, journey, context, page);
  }

  url(p) {
    return this.run.host.base + p;
  }

  async go(p, label, expectStatus = 200) {
    await this.page.goto(this.url(p));
    return this.land(label, expectStatus);
  }

  /** Submits the form holding `selector` (a submit button) and checks the result. */
  async submit(button, label, expectStatus = 200) {
    await Promise.all([this.page.waitForNavigation(), this.page.locator(button).first().click()]);
    return this.land(label, expectStatus);
  }

  /** Follows the link `selector` and checks the page it leads to. */
  async follow(link, label, expectStatus = 200) {
    await Promise.all([this.page.waitForNavigation(), this.page.locator(link).first().click()]);
    return this.land(label, expectStatus);
  }

  /** The checks of every page a journey reaches. */
  async land(label, expectStatus = 200) {
    const page = this.page;
    await page.waitForLoadState('load');
    const where = `${label} (${new URL(page.url()).pathname}${new URL(page.url()).search})`;
    check(this.status === expectStatus, `${where}: status ${this.status}, expected ${expectStatus}`);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      mains: document.querySelectorAll('main').length,
      h1: document.querySelectorAll('h1').length,
      title: document.title,
      // WCAG 2.1's 4.1.1 (RGAA 8.2): axe no longer checks it, a label or an
      // error link pointing at the wrong element is still a real fault.
      // Dates as people read them: no raw ISO date or UTC time in the text.
      rawDates: (document.querySelector('main')?.innerText ?? '').match(/\b\d{4}-\d{2}(-\d{2})?\b|\b\d{2}:\d{2} UTC\b/g) ?? [],
      duplicateIds: [...document.querySelectorAll('[id]')]
        .map((e) => e.id)
        .filter((id, i, all) => all.indexOf(id) !== i),
    }));
    for (const id of new Set(facts.duplicateIds)) {
      this.run.violations.push({
        journey: this.journey,
        page: where,
        rule: 'duplicate-id',
        impact: 'serious',
        help: 'Each id must be unique (WCAG 2.1 4.1.1)',
        nodes: [`#${id}`],
      });
    }
    check(facts.rawDates.length === 0, `${where}: raw dates in the text: ${facts.rawDates.slice(0, 3).join(', ')}`);
    check(facts.lang === this.lang, `${where}: <html lang="${facts.lang}">, expected ${this.lang}`);
    check(facts.mains === 1, `${where}: ${facts.mains} <main> elements`);
    check(facts.h1 >= 1, `${where}: no <h1>`);
    check(facts.title.trim() !== '', `${where}: no <title>`);
    const result = await this.axe();
    this.run.pages.push({ journey: this.journey, label, url: page.url(), rules: result.passes.length });
    if (process.argv.includes('--verbose')) console.log(`  ${this.run.id} ${this.journey}: ${where}`);
    for (const v of result.violations) {
      this.run.violations.push({
        journey: this.journey,
        page: where,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      });
    }
    const errors = this.errors.splice(0);
    check(errors.length === 0, `${where}: ${errors.join('; ')}`);
    return this;
  }

  /**
   * axe-core on the page as it stands. axe needs timers, which never fire in
   * a page without JavaScript: such a page's HTML (its scripts removed, so
   * the DOM stays the one a visitor without JavaScript gets) is checked in a
   * page of its own that allows scripts, at the same address so that styles
   * and images load the same.
   */
  async axe() {
    let page = this.page;
    if (!this.run.js) {
      const url = page.url();
      const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
      page = await this.run.axePage();
      await page.route((u) => u.href === url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), {
        times: 1,
      });
      await page.goto(url);
    }
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      AXE_TAGS,
    );
  }

  /** Screenshots at phone and desktop widths (in the run that takes them). */
  async shoot(name) {
    if (!this.run.screenshots) return;
    const dir = path.join(OUT, 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await this.page.setViewportSize(viewport);
      await this.page.evaluate(() => window.scrollTo(0, 0));
      await this.page.screenshot({ path: path.join(dir, `${name}-${size}.png`) });
    }
    await this.page.setViewportSize(VIEWPORTS.desktop);
  }

  /** Presses Tab until the field called `name` has the focus. */
  async tabTo(name) {
    await this.page.evaluate(fromTheTop);
    for (let i = 0; i < 100; i++) {
      await this.page.keyboard.press('Tab');
      const at = await this.page.evaluate(() => document.activeElement?.name);
      if (at === name) return;
    }
    check(false, `Tab never reaches the field "${name}"`);
  }

  async signedIn() {
    return (await this.page.locator('header a[href="/account"]').count()) === 1;
  }

  async close() {
    await this.context.close();
  }

  /**
   * Keyboard use of the current page: the first Tab reaches the skip link,
   * which is then visible and moves focus to the main content; Tab then
   * visits every control of the page once, in document order, each with a
   * visible focus indicator.
   */
  async keyboard(label) {
    const page = this.page;
    const where = `${label} (${new URL(page.url()).pathname}): keyboard`;
    await page.evaluate(fromTheTop);
    // Start from the top of the document, as a fresh page load does.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return {
        skip: el.classList.contains('skip-link'),
        href: el.getAttribute('href'),
        visible: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.width > 20 && r.height > 10,
      };
    });
    check(skip.skip, `${where}: the first Tab does not reach the skip link`);
    check(skip.visible, `${where}: the focused skip link is not visible`);
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.activeElement.id);
    check(`#${target}` === skip.href, `${where}: the skip link moved focus to "${target}", not ${skip.href}`);

    // Every control a keyboard should reach, in document order.
    const expected = await page.evaluate(() => {
      const candidates = document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex], iframe',
      );
      const radios = new Map();
      let n = 0;
      for (const el of candidates) {
        delete el.dataset.kb;
        const tabindex = el.getAttribute('tabindex');
        if (tabindex !== null && Number(tabindex) < 0) continue;
        if (el.disabled || el.type === 'hidden' || el.closest('[inert]')) continue;
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        if (el.type === 'radio') {
          // A radio group is one stop: its checked radio, else its first.
          const key = `${el.form?.id || ''}/${el.name}`;
          const group = radios.get(key);
          if (group) {
            if (el.checked && !group.checked) {
              el.dataset.kb = group.dataset.kb;
              delete group.dataset.kb;
              radios.set(key, el);
            }
            continue;
          }
          radios.set(key, el);
        }
        el.dataset.kb = String(n++);
      }
      return n;
    });
    check(expected > 0, `${where}: nothing to reach`);
    await page.evaluate(fromTheTop);
    const seen = [];
    for (let i = 0; i < 3 * expected + 3 && seen.length < expected; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(focusNow);
      if (!focus) break;
      check(focus.kb !== null, `${where}: Tab reached ${focus.what}, which is not a visible control`);
      check(focus.visible, `${where}: ${focus.what} has no visible focus indicator (${focus.style})`);
      // A date field holds several stops (day, month, year): one control.
      if (seen.at(-1) !== Number(focus.kb)) seen.push(Number(focus.kb));
    }
    const inOrder = seen.every((v, i) => v === i);
    check(
      seen.length === expected && inOrder,
      `${where}: Tab visited ${seen.length} of ${expected} controls${inOrder ? '' : ` out of document order (${seen.join(',')})`}`,
    );
    this.run.keyboard.push({ journey: this.journey, page: label, controls: expected });
  }
}

/**
 * The checks themselves can fail: axe on a page with known faults (an image
 * without a text alternative, a field without a label, grey on grey) must
 * report each of them, or the run stops.
 */
export async function checkTheChecker(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(
    '<!doctype html><html lang="fr"><head><title>t</title></head><body><main><h1>t</h1>' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
      '<input type="text" name="q">' +
      '<p style="color:#aaa;background:#bbb">illisible</p></main></body></html>',
  );
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  await context.close();
  const found = result.violations.map((v) => v.id);
  for (const rule of ['image-alt', 'label', 'color-contrast']) {
    check(found.includes(rule), `axe did not report ${rule} on a page made to fail it (found: ${found})`);
  }
}
