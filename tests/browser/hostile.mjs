// Hostile input (issue 11): a corpus of XSS payloads typed into the text
// fields people and staff fill, then every page that shows them is checked.
// A payload that ran would call `__xss()`, which the test page defines; the
// page's Content-Security-Policy would also refuse it with a console error,
// which `Tab.land` fails on. Independently of both, the page's DOM must hold no
// element a payload could have made: no inline script, no event-handler
// attribute, no `javascript:` link, no frame. The payloads must also be shown,
// as text, where they were typed.
import { Tab, check, sql } from './lib.mjs';

/** One field's worth: every payload of the corpus, and a marker to find it. */
function payload(marker) {
  return [
    marker,
    '<script>__xss()</script>',
    '<img src=x onerror=__xss()>',
    '"><svg onload=__xss()>',
    "'><details open ontoggle=__xss()>",
    '</textarea><script>__xss()</script>',
    '<iframe src="javascript:__xss()"></iframe>',
    '[lien](javascript:__xss()) [autre](JaVaScRiPt:__xss())',
    '<a href="javascript:__xss()">a</a>',
    '{{__xss}} ${__xss()} <%= __xss %>',
    '<style>*{display:none}</style>',
  ].join(' ');
}

/** A title-sized payload (one line, 200 characters at most). */
function shortPayload(marker) {
  return `${marker} <script>__xss()</script><img src=x onerror=__xss()>"><svg onload=__xss()>'-__xss()-'`;
}

/** What a payload could have left in the page: none may be there. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) {
          found.push(`<${el.localName} ${a.name}="${a.value}">`);
        }
      }
    }
    for (const el of document.querySelectorAll('script:not([src]), iframe, object, embed, body style')) {
      found.push(`<${el.localName}>`);
    }
    if (window.__xssRan) found.push(`__xss() ran ${window.__xssRan} times`);
    return found;
  });
}

/** Opens a page and checks it: shows `marker` (when given), holds nothing injected. */
async function inspect(t, path, label, marker) {
  await t.go(path, label);
  const left = await injected(t.page);
  check(left.length === 0, `${label} (${path}): ${left.join(', ')}`);
  if (marker) {
    const text = await t.page.evaluate(() => document.body.innerText);
    check(text.includes(marker), `${label} (${path}): the text typed (${marker}) is not shown`);
    check(text.includes('__xss()'), `${label} (${path}): the payload is not shown as text`);
  }
}

async function open(run, name) {
  const t = await Tab.open(run, name);
  await t.context.addInitScript(() => {
    window.__xss = () => {
      window.__xssRan = (window.__xssRan || 0) + 1;
    };
  });
  return t;
}

async function signIn(t, email, password) {
  await t.go('/account/login', 'login');
  await t.page.fill('[name=email]', email);
  await t.page.fill('[name=password]', password);
  await t.submit('main form[action="/account/login"] button[type=submit]', 'signed in');
  check(await t.signedIn(), `${email} is not signed in`);
}

/** Runs once, in the French run with JavaScript (a payload can only run there). */
export async function hostile(run) {
  if (!run.js || run.lang !== 'fr') return;
  const db = run.host.db;
  const tag = (what) => `XSS-${what}-${run.id}`;

  const t = await open(run, 'hostile citizen');
  try {
    // The check itself can fail: a page made of the payloads is caught.
    await t.page.evaluate(() => {
      window.__xss = () => {
        window.__xssRan = (window.__xssRan || 0) + 1;
      };
    });
    await t.page.setContent(`<p>${payload('self-test')}</p>`);
    await t.page.waitForTimeout(200);
    const caught = await injected(t.page);
    t.errors.splice(0);
    check(caught.length >= 5 && caught.some((c) => c.includes('ran')),
      `the injection check misses a page made of payloads: ${caught.join(', ')}`);
    await signIn(t, 'camille@valbrune.example.org', 'valbrune-citoyenne-2026');
    // Her name (shown by her comments) and her presentation.
    await t.go('/account/profile', 'profile');
    await t.page.fill('[name=name]', shortPayload(tag('name')).slice(0, 80));
    await t.page.fill('[name=bio]', payload(tag('bio')));
    await t.submit('main form[action="/account/profile"] button[type=submit]', 'profile saved');
    const [[camille]] = sql(db, "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'");

    await t.go('/discussions/usages-des-quais', 'discussion');
    const form = 'main form:has(select[name=stance])';
    await t.page.selectOption(`${form} [name=stance]`, 'for');
    await t.page.fill(`${form} [name=body]`, payload(tag('comment')));
    await t.submit(`${form} button[type=submit]`, 'comment posted');

    await t.go('/proposals/new?process=budget-participatif-2026', 'new proposal');
    await t.page.fill('[name=title]', shortPayload(tag('proposal')));
    await t.page.fill('[name=body]', payload(tag('proposal-body')));
    await t.page.fill('[name=address]', shortPayload(tag('address')).slice(0, 120));
    await t.submit('main form button[type=submit]', 'proposal saved');
    const [[proposal]] = sql(db, 'SELECT id FROM proposals WHERE title LIKE ?', `${tag('proposal')}%`);
    const publish = `main form[action="/proposals/${proposal}/publish"] button`;
    if ((await t.page.locator(publish).count()) > 0) {
      await t.submit(publish, 'proposal published');
    }

    await inspect(t, '/discussions/usages-des-quais', 'discussion', tag('comment'));
    await inspect(t, `/proposals/${proposal}`, 'proposal', tag('proposal-body'));
    await inspect(t, '/proposals?process=budget-participatif-2026', 'proposals', tag('proposal'));
    await inspect(t, `/people/${camille}`, 'public profile', tag('bio'));
    await inspect(t, `/search?q=${encodeURIComponent(shortPayload(tag('search')))}`, 'search', tag('search'));
  } finally {
    await t.close();
  }

  const s = await open(run, 'hostile staff');
  try {
    // The demo administrator's account is in French.
    s.lang = 'fr';
    await signIn(s, 'admin@valbrune.example.org', 'valbrune-admin-2026');
    await s.go('/admin/news/new', 'new news');
    await s.page.fill('[name=title]', shortPayload(tag('news')));
    await s.page.fill('[name=summary]', shortPayload(tag('news-summary')));
    await s.page.fill('[name=body]', payload(tag('news-body')));
    await s.page.selectOption('[name=status]', 'published');
    await s.submit('main form button[type=submit]', 'news saved');
    const [[news]] = sql(db, 'SELECT slug FROM news WHERE title LIKE ?', `${tag('news')}%`);

    await s.go('/admin/pages/1', 'page');
    await s.page.fill('[name=body]', payload(tag('page')));
    await s.submit('main form button[type=submit]', 'page saved');
    const [[page]] = sql(db, 'SELECT slug FROM pages WHERE id = 1');

    const [[proposal]] = sql(db, 'SELECT id FROM proposals WHERE title LIKE ?', `${tag('proposal')}%`);
    await s.go(`/proposals/${proposal}`, 'proposal');
    const answer = `main form[action="/proposals/${proposal}/answer"]`;
    if ((await s.page.locator(answer).count()) > 0) {
      await s.page.fill(`${answer} [name=body]`, payload(tag('answer')));
      await s.submit(`${answer} button[type=submit]`, 'proposal answered');
      await inspect(s, `/proposals/${proposal}`, 'answered proposal', tag('answer'));
    }

    await inspect(s, '/', 'home');
    await inspect(s, '/news', 'news', tag('news'));
    await inspect(s, `/news/${news}`, 'news item', tag('news-body'));
    await inspect(s, `/pages/${page}`, 'static page', tag('page'));
    await inspect(s, '/admin', 'dashboard');
    await inspect(s, '/admin/news', 'admin news', tag('news'));
    await inspect(s, '/admin/people', 'admin people');
    await inspect(s, '/admin/moderation', 'moderation');
    await inspect(s, '/admin/audit', 'audit log');
  } finally {
    await s.close();
  }
}
