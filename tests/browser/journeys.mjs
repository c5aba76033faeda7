// The three journeys of issue 9, written as a person would go: follow links,
// fill fields, press buttons. Selectors use paths and field names, not
// words, so the same journey runs in French, English and German.
import fs from 'node:fs';
import path from 'node:path';
import { OUT, Tab, VIEWPORTS, check, sql } from './lib.mjs';

const PASSWORD = 'sous les tilleuls du mail 2026';

function day(offset) {
  const d = new Date(Date.now() + offset * 86400000);
  return d.toISOString().slice(0, 10);
}

async function journey(run, name, steps) {
  const t = await Tab.open(run, name);
  try {
    await steps(t);
  } catch (e) {
    // What the page looked like when the journey stopped.
    const dir = path.join(OUT, 'failures');
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${run.id}-${name}`);
    await t.page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
    fs.writeFileSync(`${base}.html`, await t.page.content().catch(() => ''));
    throw e;
  } finally {
    await t.close();
  }
}

/** A visitor reads the home page, a process and what it holds. */
export function visitor(run) {
  return journey(run, 'visitor', async (t) => {
    await t.go('/', 'home');
    await t.keyboard('home');
    await t.shoot('home');
    await t.follow('main a[href="/processes/budget-participatif-2026"]', 'process');
    check((await t.page.locator('main .phase, main ol li').count()) > 0, 'the process shows no phase');
    await t.shoot('process');
    await t.follow('main a[href="/proposals?process=budget-participatif-2026"]', 'proposals');
    await t.follow('main a[href^="/proposals/map"]', 'proposals map');
    await t.follow('main a[href="/proposals/2"]', 'proposal');
    await t.go('/processes', 'processes');
    await t.follow('main a[href="/processes/quais-de-loire"]', 'process with a discussion');
    await t.follow('main a[href="/discussions/usages-des-quais"]', 'discussion');
    await t.follow('main a[href="/discussions/usages-des-quais/map"]', 'opinion map');
    await t.go('/questionnaires', 'questionnaires');
    await t.follow('main a[href="/questionnaires/marche-des-quais"]', 'questionnaire');
    await t.follow('main a[href="/questionnaires/marche-des-quais/results"]', 'results');
    await t.go('/news', 'news');
    await t.follow('main a[href^="/news/"]:not([href$=".xml"])', 'news item');
    await t.go('/discussions', 'discussions');
    await t.go('/search?q=v%C3%A9lo', 'search');
    check((await t.page.locator('main li a').count()) > 0, 'searching "vélo" finds nothing');
    await t.go('/pages/accessibility', 'accessibility statement');
    const criteria = await t.page.locator('main section[aria-labelledby="a11y-checks-title"] li').allInnerTexts();
    check(criteria.length === 16 && criteria.every((c) => /^\d/.test(c)),
      `the statement does not list the criteria checked and left to audit: ${criteria}`);
    await t.go('/transparency', 'transparency');
    await t.follow('main a[href="/processes/mobilites-2025/bilan"]', 'process report');
    await t.keyboard('process report');
    await t.shoot('process report');
    await t.follow('main a[href="/processes/mobilites-2025"]', 'finished process');
    await t.go('/transparency/ranking', 'ranking explained');
    await t.go('/account/signup', 'signup');
    await t.go('/no/such/page', 'not found', 404);
  });
}

/**
 * A citizen signs up (the confirmation link comes from the mail outbox),
 * signs in with the keyboard only, follows a process, comments, supports a
 * proposal, answers a questionnaire, downloads their data and deletes the
 * account.
 */
export function citizen(run) {
  const email = `lea.${run.id}@example.org`;
  const db = run.host.db;
  const userCount = (q) => sql(db, q, email)[0][0];
  return journey(run, 'citizen', async (t) => {
    await t.go('/account/signup', 'signup');
    await t.keyboard('signup');
    await t.submit('main form[action="/account/signup"] button[type=submit]', 'signup refused', 422);
    check(await t.page.locator('.error-summary').isVisible(), 'an empty sign-up shows no error summary');
    check(await t.page.evaluate(() => document.activeElement?.id === 'form-errors'),
      'after a refused sign-up the focus is not on the error summary');
    await t.page.fill('[name=name]', 'Léa Martin');
    await t.page.fill('[name=email]', email);
    await t.page.fill('[name=password]', PASSWORD);
    await t.page.fill('[name=confirm]', PASSWORD);
    await t.page.check('[name=terms]');
    await t.submit('main form[action="/account/signup"] button[type=submit]', 'signup sent');

    const [[body]] = sql(
      db,
      "SELECT body_text FROM mail_outbox WHERE to_email = ? AND kind = 'confirm' ORDER BY id DESC LIMIT 1",
      email,
    );
    const link = body.match(/http:\/\/\S+\/account\/confirm\?token=[\w-]+/)?.[0];
    check(link, `no confirmation link in the mail:\n${body}`);
    await t.page.goto(link);
    await t.land('address confirmed');
    check(userCount('SELECT count(*) FROM users WHERE email = ? AND email_confirmed_at IS NOT NULL') === 1,
      'the address is not confirmed');
    check(await t.signedIn(), 'confirming the address does not sign in');
    await t.submit('header form[action="/account/logout"] button', 'signed out');
    check(!(await t.signedIn()), 'still signed in after signing out');

    // Signing in again, with the keyboard alone.
    await t.go('/account/login', 'login');
    await t.keyboard('login');
    await t.tabTo('email');
    await t.page.keyboard.type(email);
    await t.tabTo('password');
    await t.page.keyboard.type(PASSWORD);
    await Promise.all([t.page.waitForNavigation(), t.page.keyboard.press('Enter')]);
    await t.land('signed in');
    check(await t.signedIn(), 'not signed in after logging in');

    await t.go('/processes/quais-de-loire', 'process');
    await t.submit('main form[action="/processes/quais-de-loire/follow"] button', 'process followed');
    check(
      userCount("SELECT count(*) FROM follows f JOIN users u ON u.id = f.user_id WHERE u.email = ? AND f.target_kind = 'process'") === 1,
      'the process is not followed',
    );

    await t.follow('main a[href="/discussions/usages-des-quais"]', 'discussion');
    await t.keyboard('discussion');
    const words = `Des bancs à l'ombre des platanes, s'il vous plaît (${run.id}).`;
    const form = 'main form:has(select[name=stance])';
    await t.page.selectOption(`${form} [name=stance]`, 'for');
    await t.page.fill(`${form} [name=body]`, words);
    await t.submit(`${form} button[type=submit]`, 'comment posted');
    check((await t.page.getByText(words).count()) === 1, 'the new comment is not on the page');
    await t.shoot('discussion');

    await t.go('/proposals?process=budget-participatif-2026', 'proposals');
    await t.follow('main a[href="/proposals/2"]', 'proposal');
    await t.keyboard('proposal');
    await t.submit('main form[action="/proposals/2/support"] button', 'proposal supported');
    check(
      userCount('SELECT count(*) FROM proposal_supports s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.proposal_id = 2') === 1,
      'the support is not recorded',
    );
    await t.shoot('proposal');

    const answered = () =>
      sql(db, "SELECT count(*) FROM responses r JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.slug = 'marche-des-quais' AND r.submitted_at IS NOT NULL")[0][0];
    const before = answered();
    await t.go('/questionnaires/marche-des-quais', 'questionnaire');
    await t.follow('main a[href="/questionnaires/marche-des-quais/answer"]', 'questionnaire, first part');
    await t.keyboard('questionnaire');
    await t.shoot('questionnaire');
    // Answered on a phone.
    await t.page.setViewportSize(VIEWPORTS.phone);
    for (let part = 2; new URL(t.page.url()).pathname.endsWith('/answer'); part++) {
      check(part < 12, 'the questionnaire never ends');
      // Scales and grids: targets 44 px high and at least 24 px wide (WCAG 2.2's
      // 2.5.8), a scale on one row, and nothing wider than the screen.
      const points = await t.page.locator('main .scale-point label').all();
      for (const box of points) {
        const size = await box.boundingBox();
        check(size && size.height >= 44 && size.width >= 24, `a point of a scale is ${size?.width}×${size?.height} px`);
      }
      for (const scale of await t.page.locator('main .scale-points').all()) {
        const tops = await scale.locator('label').evaluateAll((ls) => new Set(ls.map((l) => Math.round(l.getBoundingClientRect().top))).size);
        check(tops === 1, 'a scale wraps onto several rows');
      }
      for (const cell of await t.page.locator('main .matrix-cell').all()) {
        const size = await cell.boundingBox();
        check(size && size.height >= 44, `a choice of a grid is ${size?.height} px high`);
      }
      check(await t.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `part ${part - 1} of the questionnaire is wider than the screen`);
      await answerEveryQuestion(t.page);
      await t.submit('main form .form-nav button.button >> nth=-1', `questionnaire, after part ${part - 1}`);
    }
    await t.page.setViewportSize(VIEWPORTS.desktop);
    check(answered() === before + 1, 'the response is not submitted');

    await t.go('/account', 'account');
    await t.follow('main a[href="/account/data"]', 'my data');
    check((await t.page.content()).includes(words.replace(/'/g, '&#x27;')) || (await t.page.content()).includes(words),
      'the page of my data does not show the comment');
    const [download] = await Promise.all([
      t.page.waitForEvent('download'),
      t.page.locator('main a[href="/account/data.json"]').click(),
    ]);
    const data = fs.readFileSync(await download.path(), 'utf8');
    check(data.includes(email) && data.includes(JSON.stringify(words).slice(1, -1)),
      'the data export lacks the address or the comment');
    JSON.parse(data);
    await t.go('/notifications', 'notifications');
    await t.go('/account', 'account');
    await t.follow('main a[href="/account/delete"]', 'delete account');
    await t.page.fill('main [name=password]', PASSWORD);
    await t.submit('main form[action="/account/delete"] button[type=submit]', 'account deleted');
    check(!(await t.signedIn()), 'still signed in after deleting the account');
    check(userCount('SELECT count(*) FROM users WHERE email = ?') === 0, 'the address is still stored');

    await t.go('/account/login', 'login again');
    await t.page.fill('[name=email]', email);
    await t.page.fill('[name=password]', PASSWORD);
    await t.submit('main form[action="/account/login"] button[type=submit]', 'login refused', 422);
  });
}

/**
 * The everyday journeys of issue 27: the phone header and its menu without
 * JavaScript, every process's proposals from the main navigation, the
 * language switch keeping the page's parameters and sticking, the focus on
 * the error summary of a long form, and times in the commune's zone.
 */
export function everyday(run) {
  return journey(run, 'everyday', async (t) => {
    await t.page.setViewportSize(VIEWPORTS.phone);
    await t.go('/', 'home on a phone');
    const header = await t.page.locator('header.site-header').boundingBox();
    check(header && header.height <= 90, `the phone header is ${header?.height} px high (at most 90)`);
    check(await t.page.locator('header a.header-cta[href="/account/signup"]').isVisible(),
      'no call to take part in the phone header');
    check(!(await t.page.locator('header .main-nav').isVisible()), 'the phone menu is open at first');
    await t.follow('header a.menu-open', 'phone menu open');
    check(await t.page.locator('header .main-nav a[href="/proposals"]').isVisible(),
      'the opened phone menu does not show the navigation');
    await t.follow('header .main-nav a[href="/proposals"]', 'every proposal');
    check((await t.page.locator('main .process-card').count()) > 0, 'the list of every proposal is empty');
    check(!(await t.page.locator('header .main-nav').isVisible()), 'the phone menu stays open on the next page');
    await t.page.setViewportSize(VIEWPORTS.desktop);

    // The switch keeps the page's parameters, and the choice sticks.
    const other = run.lang === 'de' ? 'en' : 'de';
    await t.go('/proposals?process=budget-participatif-2026&sort=newest', 'proposals, newest');
    t.lang = other;
    await t.follow(`header .lang-switch a[hreflang="${other}"]`, 'proposals in another language');
    const search = new URL(t.page.url()).searchParams;
    check(search.get('process') === 'budget-participatif-2026' && search.get('sort') === 'newest',
      `the language switch dropped the parameters: ${t.page.url()}`);
    await t.go('/processes', 'the next page, in the language chosen');
    t.lang = run.lang;
    await t.go(`/?lang=${run.lang}`, 'back in the run\'s language');

    // A refused submit at the bottom of a long page lands on its summary.
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'camille@valbrune.example.org');
    await t.submit('main form[action="/account/login"] button[type=submit]', 'sign-in refused', 422);
    check(await t.page.evaluate(() => document.activeElement?.getAttribute('role') === 'alert'),
      'after a refused sign-in the focus is not on the message saying why');
    const summaryTop = await t.page.evaluate(() => document.activeElement.getBoundingClientRect().top);
    check(summaryTop >= 0 && summaryTop < 844, 'the error summary is not in view');

    // A proposal's place: written out with its link, and a small map with JavaScript.
    const [[located]] = sql(run.host.db,
      "SELECT id FROM proposals WHERE state = 'published' AND latitude IS NOT NULL ORDER BY id LIMIT 1");
    await t.go(`/proposals/${located}`, 'a located proposal');
    check((await t.page.locator('main .place > p a[href^="https://www.openstreetmap.org/?"]').count()) === 1,
      'the place of a proposal has no link to a map');
    if (run.js) {
      check((await t.page.locator('main .map-mini.leaflet-container').count()) === 1,
        'no small map of the proposal\'s place');
    }
    // The form: with the map, the coordinates fold away and the address finds the place.
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'camille@valbrune.example.org');
    await t.page.fill('[name=password]', 'valbrune-citoyenne-2026');
    // The browser's choice of language (the switch's cookie) wins over camille's profile.
    await t.submit('main form[action="/account/login"] button[type=submit]', 'signed in');
    await t.go('/proposals/new?process=budget-participatif-2026', 'proposal form');
    if (run.js) {
      check((await t.page.locator('main details.coordinates:not([open]) #f-latitude').count()) === 1,
        'the coordinates are not folded away under the map');
      // The national address base, answered here (the tests reach no one).
      await t.page.route('https://api-adresse.data.gouv.fr/**', (route) => route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ features: [{ geometry: { type: 'Point', coordinates: [1.0951, 47.3941] },
          properties: { label: '2 Quai de la Loire 37000 Valbrune' } }] }),
      }));
      await t.page.fill('#f-address', '2 quai de la Loire');
      await t.page.locator('main .field:has(#f-address) button').click();
      await t.page.waitForFunction(() => document.getElementById('f-latitude').value !== '');
      check((await t.page.inputValue('#f-latitude')) === '47.394100', 'the address did not place the proposal');
      check((await t.page.locator('main .field:has(#f-address) [role=status]').textContent()).includes('Quai de la Loire'),
        'the address found is not said');
    } else {
      check(await t.page.locator('#f-latitude').isVisible(), 'without JavaScript, the coordinates are hidden');
    }
  });
}

/** Gives every question of the current part an answer a person could give. */
async function answerEveryQuestion(page) {
  const form = page.locator('main form').first();
  for (const fieldset of await form.locator('fieldset:has(input[type=radio])').all()) {
    await fieldset.locator('input[type=radio]').first().check();
  }
  for (const fieldset of await form.locator('fieldset:has(input[type=checkbox])').all()) {
    for (const box of (await fieldset.locator('input[type=checkbox]').all()).slice(0, 2)) await box.check();
  }
  // A ranking: each place gets its own rank.
  for (const fieldset of await form.locator('fieldset:has(select)').all()) {
    for (const [i, select] of (await fieldset.locator('select').all()).entries()) {
      await select.selectOption(String(i + 1));
    }
  }
  for (const input of await form.locator('input[type=text], input:not([type]), textarea').all()) {
    if (!(await input.isVisible()) || (await input.inputValue())) continue;
    const numeric = ['decimal', 'numeric'].includes(await input.getAttribute('inputmode'));
    await input.fill(numeric ? '2' : 'Le samedi matin');
  }
  for (const input of await form.locator('input[type=number]').all()) {
    if (await input.isVisible()) await input.fill((await input.getAttribute('min')) || '1');
  }
  for (const input of await form.locator('input[type=date]').all()) {
    if (await input.isVisible()) await input.fill(day(7));
  }
  for (const select of await form.locator('select:not(fieldset select)').all()) {
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    if (values.length) await select.selectOption(values[0]);
  }
}

/**
 * A staff member creates a process with two phases, sees it public, and
 * answers a proposal.
 */
export function staff(run) {
  const db = run.host.db;
  return journey(run, 'staff', async (t) => {
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'admin@valbrune.example.org');
    await t.page.fill('[name=password]', 'valbrune-admin-2026');
    // The demo administrator's account is in French: pages follow it once signed in.
    t.lang = 'fr';
    await t.submit('main form[action="/account/login"] button[type=submit]', 'signed in');
    check(await t.signedIn(), 'the administrator is not signed in');
    if (run.lang !== 'fr') {
      await t.go('/account/profile', 'profile');
      await t.page.selectOption('main [name=locale]', run.lang);
      t.lang = run.lang;
      await t.submit('main form[action="/account/profile"] button[type=submit]', 'language changed');
    }
    await t.go('/admin', 'dashboard');
    await t.shoot('admin');
    await t.follow('main a[href="/admin/processes"]', 'processes');
    await t.follow('main a[href="/admin/processes/new"]', 'new process');
    await t.keyboard('new process');
    await t.submit('main form button[type=submit]', 'process refused', 422);
    const title = `Jardins partagés ${run.id}`;
    await t.page.fill('[name=title]', title);
    await t.page.fill('[name=summary]', 'Où cultiver ensemble, et comment ?');
    await t.page.fill('[name=body]', 'Trois terrains sont **possibles**.');
    await t.page.fill('[name=starts_on]', day(0));
    await t.page.fill('[name=ends_on]', day(90));
    await t.page.selectOption('[name=status]', 'published');
    await t.submit('main form button[type=submit]', 'process created');
    const [[id, slug]] = sql(db, 'SELECT id, slug FROM processes WHERE title = ?', title);
    const addPhase = `main a[href="/admin/processes/${id}/phases/new"]`;
    if ((await t.page.locator(addPhase).count()) === 0) {
      await t.follow(`main a[href="/admin/processes/${id}"]`, 'process');
    }
    const phases = [
      ['Idées', day(0), day(30), 'tool_proposal'],
      ['Débat', day(31), day(60), 'tool_discussion'],
    ];
    for (const [name, starts, ends, tool] of phases) {
      if ((await t.page.locator(addPhase).count()) === 0) {
        await t.follow(`main a[href="/admin/processes/${id}"]`, 'process');
      }
      await t.follow(addPhase, 'new phase');
      await t.page.fill('[name=name]', name);
      await t.page.fill('[name=starts_on]', starts);
      await t.page.fill('[name=ends_on]', ends);
      await t.page.check(`[name=${tool}]`);
      await t.submit('main form button[type=submit]', 'phase added');
    }
    check(sql(db, 'SELECT count(*) FROM process_phases WHERE process_id = ?', id)[0][0] === 2,
      'the process does not have its two phases');
    if ((await t.page.locator(addPhase).count()) === 0) {
      await t.follow(`main a[href="/admin/processes/${id}"]`, 'process');
    }
    await t.go(`/processes/${slug}`, 'public process');
    for (const [name] of phases) {
      check((await t.page.locator('main .phase h3', { hasText: name }).count()) === 1, `the public page lacks the phase ${name}`);
    }

    await t.go('/proposals/2', 'proposal');
    const answer = `Retenue : les travaux commencent au printemps (${run.id}).`;
    await t.page.selectOption('main form[action="/proposals/2/answer"] [name=status]', 'accepted');
    await t.page.fill('main form[action="/proposals/2/answer"] [name=body]', answer);
    await t.submit('main form[action="/proposals/2/answer"] button[type=submit]', 'proposal answered');
    check((await t.page.getByText(answer).count()) === 1, 'the answer is not on the proposal');
    check(sql(db, "SELECT status FROM proposals WHERE id = 2")[0][0] === 'accepted', 'the status did not change');

    // Times are the commune's (Europe/Paris), as ICU has them, not UTC.
    await t.go('/admin/audit', 'audit log');
    const clock = (at) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    const log = await t.page.locator('main').innerText();
    const now = Date.now();
    check([0, 1, 2, 3, 4, 5].map((m) => -m * 60000).some((d) => log.includes(clock(new Date(now + d)))),
      `the audit log does not show the time in Paris (${clock(new Date(now))})`);
    await t.go('/admin/moderation', 'moderation');
    await t.go('/admin/people', 'people');
    await t.go('/admin/site', 'site identity');
  });
}

/**
 * The participatory budget: a resident fills a cart on a phone and votes
 * (with or without JavaScript: every step is a form), staff enter a paper
 * ballot, count by both rules and publish; the results page, its chart and
 * table, on a phone too.
 */
export function budget(run) {
  const db = run.host.db;
  return journey(run, 'budget', async (t) => {
    const [[e]] = sql(db, "SELECT id FROM budget_envelopes WHERE name = 'Toute la commune'");
    const project = (title) => sql(db, 'SELECT id FROM budget_projects WHERE title = ?', title)[0][0];
    const playground = project('Une aire de jeux inclusive au parc des Tilleuls');
    const fresco = project('Une fresque participative au collège');
    await t.go('/processes/budget-participatif-2026', 'process');
    await t.follow(`main a[href="/budgets/${e}"]`, 'envelope, signed out');
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'camille@valbrune.example.org');
    await t.page.fill('[name=password]', 'valbrune-citoyenne-2026');
    await t.submit('main form[action="/account/login"] button[type=submit]', 'signed in');
    await t.page.setViewportSize(VIEWPORTS.phone);
    await t.go(`/budgets/${e}`, 'envelope');
    await t.keyboard('envelope');
    await t.submit(`main form[action="/budgets/${e}/cart"] button[name=add][value="${playground}"]`, 'added');
    check(new URL(t.page.url()).hash === `#p${playground}`, 'back at the project after adding it');
    await t.submit(`main form[action="/budgets/${e}/cart"] button[name=add][value="${fresco}"]`, 'added again');
    check((await t.page.locator('.budget-cart-items li').count()) === 2, 'the cart does not hold two projects');
    const width = await t.page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= VIEWPORTS.phone.width, `the envelope page is ${width} px wide on a phone`);
    await t.shoot('budget-cart');
    await t.page.setViewportSize(VIEWPORTS.phone);
    await t.submit(`main form[action="/budgets/${e}/vote"] button[type=submit]`, 'voted');
    check(
      sql(db, "SELECT count(*) FROM budget_ballots b JOIN users u ON u.id = b.user_id WHERE u.email = 'camille@valbrune.example.org'")[0][0] === 1,
      'the ballot is not recorded',
    );
    await t.follow(`main a[href="/budgets/${e}/projects/${fresco}"]`, 'project');

    // Staff, on a desktop: a paper ballot, the count, the results.
    await t.page.setViewportSize(VIEWPORTS.desktop);
    await t.submit('header form[action="/account/logout"] button', 'signed out');
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'moderation@valbrune.example.org');
    await t.page.fill('[name=password]', 'valbrune-moderation-2026');
    t.lang = 'fr';
    await t.submit('main form[action="/account/login"] button[type=submit]', 'staff signed in');
    await t.go(`/budgets/${e}/paper`, 'paper ballots');
    await t.keyboard('paper ballots');
    await t.submit('main form[action$="/paper"] button[type=submit]', 'paper ballot refused', 422);
    check(await t.page.evaluate(() => document.activeElement?.id === 'form-errors'),
      'after a refused paper ballot the focus is not on the error summary');
    await t.page.fill('[name=reference]', `P-${run.id}`);
    await t.page.check(`[name=project][value="${fresco}"]`);
    await t.submit('main form[action$="/paper"] button[type=submit]', 'paper ballot entered');
    await t.go(`/budgets/${e}/results`, 'results, not counted');
    await t.submit(`main form[action="/budgets/${e}/count"] button`, 'counted');
    await t.submit(`main form[action="/budgets/${e}/publish"] button`, 'published');
    check((await t.page.locator('main table').count()) >= 3, 'the results have no tables');
    await t.shoot('budget-results');
    // A winner's page: staff date a step of its carrying out; the place
    // picker of the project form.
    const [[winner]] = sql(db, "SELECT project_id FROM budget_results WHERE envelope_id = ? AND method = 'greedy' " +
      "AND why IN ('won', 'completed') ORDER BY position LIMIT 1", e);
    await t.go(`/budgets/${e}/projects/${winner}/edit`, 'project form');
    check((await t.page.locator('main [name=latitude]').count()) === 1, 'the project form has no place');
    await t.go(`/budgets/${e}/projects/${winner}`, 'winning project');
    const step = 'main form[action$="/milestones"]';
    await t.page.fill(`${step} [name=percent]`, '30');
    await t.page.fill(`${step} [name=body]`, 'Le chantier a commencé.');
    await t.submit(`${step} button[type=submit]`, 'milestone added');
    check((await t.page.locator('#follow-up .timeline li').count()) >= 1, 'the follow-up shows no step');
    await t.page.setViewportSize(VIEWPORTS.phone);
    await t.go(`/budgets/${e}/projects/${winner}`, 'followed-up project on a phone');
    await t.shoot('budget-follow-up');
    await t.go(`/budgets/${e}/results`, 'results on a phone');
    await t.go('/transparency', 'transparency');
    check((await t.page.locator('#budget').count()) === 1, 'the transparency page does not explain the budget');
  });
}

/**
 * A resident signs in with FranceConnect (the local test provider), sees
 * their ways of signing in and their verification page; staff list the
 * commune's postal codes and look at who may take part, the letters and
 * the person; the resident then asks for a letter, declares an address and
 * is verified.
 */
export function identity(run) {
  const db = run.host.db;
  const email = `elise.${run.id}@example.fr`;
  // Every language with JavaScript, and French without: the pages are the
  // same without JavaScript in the other languages (CI's time is counted).
  if (!run.js && run.lang !== 'fr') return Promise.resolve();
  return journey(run, 'identity', async (t) => {
    const franceConnect = async (label) => {
      await t.go('/account/login', label);
      await Promise.all([
        t.page.waitForNavigation(),
        t.page.locator('main form[action="/account/oidc/franceconnect/start"] button').click(),
      ]);
      // The provider's own sign-in page (not Palabre's: no checks of ours).
      if (!t.page.url().startsWith(t.run.host.base)) {
        await t.page.fill('#given_name', 'Élise');
        await t.page.fill('#family_name', 'Martin');
        await t.page.fill('#email', email);
        await Promise.all([
          t.page.waitForURL((u) => u.toString().startsWith(t.run.host.base)),
          t.page.click('button[type=submit]'),
        ]);
      }
      await t.land('signed in with FranceConnect');
      check(await t.signedIn(), 'not signed in with FranceConnect');
    };
    await franceConnect('login, with FranceConnect');
    const [[userId]] = sql(db, 'SELECT id FROM users WHERE email = ?', email);
    await t.go('/account/identities', 'ways of signing in');
    await t.go('/account/verification', 'verification, desk only');
    check((await t.page.locator('main [name=postal_code]').count()) === 0, 'a postal code asked before the commune lists any');
    // Signing out of a FranceConnect session goes through FranceConnect's
    // logout (the test provider asks to confirm), then home.
    await Promise.all([t.page.waitForNavigation(), t.page.locator('header form[action="/account/logout"] button').click()]);
    check(!t.page.url().startsWith(t.run.host.base), 'signing out did not go through the provider');
    await Promise.all([
      t.page.waitForURL((u) => u.toString().startsWith(t.run.host.base)),
      t.page.locator('button[name=logout]').click(),
    ]);
    await t.land('signed out, FranceConnect too');
    check(!(await t.signedIn()), 'still signed in after signing out');

    // Staff: the commune's postal codes, who may take part, the person.
    await t.go('/account/login', 'login');
    await t.page.fill('[name=email]', 'admin@valbrune.example.org');
    await t.page.fill('[name=password]', 'valbrune-admin-2026');
    // Pages follow the administrator's own language (the staff journey may have changed it).
    const [[adminLocale]] = sql(db, "SELECT locale FROM users WHERE email = 'admin@valbrune.example.org'");
    t.lang = adminLocale || run.lang;
    await t.submit('main form[action="/account/login"] button[type=submit]', 'staff signed in');
    await t.go('/admin/site', 'site settings');
    await t.page.fill('main [name=postal_codes]', '41000, 41350');
    await t.submit('main form[action="/admin/site"] button[type=submit]', 'postal codes saved');
    await t.go('/admin/verification/census', 'list of residents');
    await t.page.setInputFiles('main [name=list]', {
      name: 'liste.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nom;prénom;date de naissance;code postal\nDupré;Hélène;07/03/1984;41000\n'),
    });
    await t.submit('main form[action="/admin/verification/census"] button[type=submit]', 'list imported');
    await t.go('/admin/verification/letters', 'verification letters');
    await t.go('/admin/desk', 'town-hall desk');
    await t.page.fill('main [name=name]', `Jeanne ${run.id}`);
    await t.page.check('main [name=seen]');
    await t.submit('main form[action="/admin/desk"] button[type=submit]', 'registered at the desk');
    check(
      sql(db, "SELECT count(*) FROM users u JOIN desk_accounts d ON d.user_id = u.id WHERE u.display_name = ? AND u.email IS NULL", `Jeanne ${run.id}`)[0][0] === 1,
      'the desk account is not there',
    );
    await t.submit('main form[action="/admin/desk/claim-code"] button[type=submit]', 'claim code shown');
    await t.shoot('desk-claim-code');
    // Jeanne's contribution, entered with her: the public site acts as her.
    await t.go('/admin/desk', 'town-hall desk, to enter with Jeanne');
    await t.submit(`main tr:has-text("Jeanne ${run.id}") form[action="/admin/desk/act"] button`, 'entering for Jeanne');
    check((await t.page.locator('.desk-banner').count()) === 1, 'no desk banner');
    await t.keyboard('entering for Jeanne');
    await t.go('/discussions/usages-des-quais', 'a discussion, entered at the desk');
    await t.page.locator('main form[action$="/comments"] [name=body]').first().fill(`Des bancs à l’ombre, dit Jeanne ${run.id}.`);
    await t.submit('main form[action$="/comments"] button[type=submit]', 'comment entered at the desk');
    check(
      sql(db, "SELECT count(*) FROM comments c JOIN users u ON u.id = c.user_id WHERE u.display_name = ? AND c.entered_by IS NOT NULL", `Jeanne ${run.id}`)[0][0] === 1,
      'the comment is not Jeanne’s, entered at the desk',
    );
    check((await t.page.locator('.entered-at-desk').count()) >= 1, 'the comment is not marked');
    await t.shoot('desk-entering');
    await t.submit('.desk-banner form[action="/admin/desk/end"] button', 'desk session ended');
    check((await t.page.locator('.desk-banner').count()) === 0, 'the desk banner stays');
    const [[processId]] = sql(db, "SELECT id FROM processes WHERE slug = 'budget-participatif-2026'");
    await t.go(`/admin/processes/${processId}/participation`, 'who may take part');
    await t.keyboard('who may take part');
    await t.go(`/admin/people/${userId}`, 'a person, with their verification');
    await t.submit('header form[action="/account/logout"] button', 'staff signed out');
    t.lang = run.lang;
    await t.go('/account/claim', 'claim a desk account');
    await t.shoot('claim');

    // The resident declares an address under one of them: verified.
    await franceConnect('FranceConnect again');
    await t.page.setViewportSize(VIEWPORTS.phone);
    await t.go('/account/verification', 'verification, with FranceConnect');
    check((await t.page.locator('main form[action="/account/verification/census"]').count()) === 1, 'no census form');
    await t.keyboard('verification, with FranceConnect');
    await t.shoot('verification-ways');
    // A letter asked for (then cancelled by the verification below).
    await t.page.fill('main [name=recipient]', 'Élise Martin');
    await t.page.fill('main [name=letter_address]', '3 rue du Port');
    await t.page.fill('main [name=letter_postal_code]', '41000');
    await t.page.fill('main [name=town]', 'Valbrune-sur-Loire');
    await t.submit('main form[action="/account/verification/letter"] button[type=submit]', 'letter asked');
    check(
      sql(db, 'SELECT count(*) FROM letter_requests WHERE user_id = ? AND closed_at IS NULL', userId)[0][0] === 1,
      'the letter is not asked for',
    );
    await t.shoot('verification-letter-asked');
    await t.page.fill('main [name=address]', '3 rue du Port');
    await t.page.fill('main [name=postal_code]', '75001');
    await t.submit('main form[action="/account/verification"] button[type=submit]', 'another commune refused', 422);
    await t.shoot('verification-refused');
    await t.page.fill('main [name=postal_code]', '41000');
    await t.submit('main form[action="/account/verification"] button[type=submit]', 'verified');
    check(
      sql(db, "SELECT count(*) FROM resident_verifications WHERE user_id = ? AND method = 'franceconnect' AND revoked_at IS NULL", userId)[0][0] === 1,
      'the verification is not recorded',
    );
    check(
      sql(db, "SELECT count(*) FROM letter_requests WHERE user_id = ? AND outcome = 'cancelled' AND address = ''", userId)[0][0] === 1,
      'the letter asked for is not cancelled by the verification',
    );
    await t.shoot('verification');
  });
}
