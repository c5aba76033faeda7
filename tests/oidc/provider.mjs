// A real OpenID provider for the end-to-end tests and the demo: the npm
// package oidc-provider (an OpenID-certified implementation) with a
// FranceConnect-like profile: one scope per claim (given_name, family_name,
// email), the level of assurance `eidas1` asked in acr_values and asserted in
// the ID token, the claims given by the user info endpoint only, PKCE, the
// `iss` authorization response parameter (RFC 9207), RS256 keys.
//
//   PORT=0 node tests/oidc/provider.mjs     prints "listening http://127.0.0.1:<port>"
//
// The sign-in page asks for a name and an email (anyone may be anyone: it is a
// test provider). The tests drive it through /__test/… (loopback only):
//   POST /__test/configure {"redirect_uris": [...]}   the client's callback URLs
//   POST /__test/next {"sub", "email", "given_name", "family_name"}
//                                                      who the next sign-in is, without the form
//   POST /__test/rotate                                a new signing key (the old one is gone)
//   POST /__test/tamper {"mode": "..."}                what the token endpoint does to the next
//        ID tokens, re-signed with the provider's own key: "wrong-nonce", "expired",
//        "wrong-audience", "wrong-issuer", "foreign-key" (signed by another key under the
//        same kid), "" (nothing)
// The client: id CLIENT_ID, secret CLIENT_SECRET (env), client_secret_post.

import http from 'node:http';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK, importJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';

const CLIENT_ID = process.env.CLIENT_ID || 'palabre-demo';
const CLIENT_SECRET = process.env.CLIENT_SECRET || 'palabre-demo-secret-not-for-production';
const HOST = '127.0.0.1';

const state = {
  redirectUris: (process.env.REDIRECT_URIS || 'http://127.0.0.1:3000/account/oidc/franceconnect/callback')
    .split(',').map((u) => u.trim()).filter(Boolean),
  keys: [],
  next: null,
  tamper: '',
  accounts: new Map(),
};

let issuer = '';
let provider = null;

async function newKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = crypto.randomBytes(8).toString('hex');
  jwk.alg = 'RS256';
  jwk.use = 'sig';
  return jwk;
}

function build() {
  const p = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: state.redirectUris,
      post_logout_redirect_uris: state.redirectUris.map((u) => `${new URL(u).origin}/`),
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    }],
    jwks: { keys: state.keys },
    scopes: ['openid', 'email', 'given_name', 'family_name', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      family_name: ['family_name'],
      profile: ['given_name', 'family_name'],
    },
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['palabre-test-provider-cookies'] },
    findAccount: async (ctx, sub) => {
      const account = state.accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ email_verified: true, ...account, sub }) };
    },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email given_name family_name profile');
      await grant.save();
      return grant;
    },
  });
  p.proxy = false;
  return p;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(uid) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fournisseur d’identité de test</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin-top:1rem}input{font-size:1rem;width:100%;padding:.4rem}
button{margin-top:1.5rem;font-size:1rem;padding:.5rem 1rem}</style></head><body>
<main><h1>Fournisseur d’identité de test</h1>
<p>Ce fournisseur local imite FranceConnect pour essayer Palabre : saisissez l’identité avec laquelle vous connecter.</p>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="given_name">Prénom</label><input id="given_name" name="given_name" required autocomplete="given-name" value="Hélène">
<label for="family_name">Nom</label><input id="family_name" name="family_name" required autocomplete="family-name" value="Dupré">
<label for="email">Adresse électronique</label><input id="email" name="email" type="email" required autocomplete="email" value="helene.dupre@example.fr">
<button type="submit">Se connecter</button></form></main></body></html>`;
}

async function finishLogin(req, res, who) {
  const sub = crypto.createHash('sha256').update(`${who.email}`.toLowerCase()).digest('hex');
  state.accounts.set(who.sub || sub, {
    email: who.email,
    email_verified: who.email_verified ?? true,
    given_name: who.given_name,
    family_name: who.family_name,
  });
  await provider.interactionFinished(req, res, {
    login: { accountId: who.sub || sub, acr: 'eidas1' },
  }, { mergeWithLastSubmission: false });
}

async function interaction(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, { error: 'interaction mismatch' });
  if (req.method === 'GET') {
    if (state.next) {
      const who = state.next;
      state.next = null;
      return finishLogin(req, res, who);
    }
    return send(res, 200, signInPage(uid), 'text/html; charset=utf-8');
  }
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams((await readBody(req)).toString());
    return finishLogin(req, res, {
      email: form.get('email') || '',
      given_name: form.get('given_name') || '',
      family_name: form.get('family_name') || '',
    });
  }
  return send(res, 405, { error: 'method' });
}

async function tampered(json) {
  const mode = state.tamper;
  if (!mode || !json.id_token) return json;
  const claims = decodeJwt(json.id_token);
  const header = decodeProtectedHeader(json.id_token);
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'wrong-nonce') claims.nonce = 'not-the-nonce-sent';
  if (mode === 'expired') { claims.iat = now - 3600; claims.exp = now - 1800; }
  if (mode === 'wrong-audience') claims.aud = 'another-client';
  if (mode === 'wrong-issuer') claims.iss = 'https://other-provider.example';
  let key = state.keys[0];
  if (mode === 'foreign-key') key = await newKey();
  const signer = await importJWK(key, 'RS256');
  json.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: header.typ }).sign(signer);
  return json;
}

// The token endpoint through a tamperer: the request goes to the provider
// (this same server, marked internal), its ID token is rewritten.
async function tokenThroughTamperer(req, res, port) {
  const body = await readBody(req);
  const headers = { ...req.headers, 'x-palabre-internal': '1', 'content-length': body.length };
  const answer = await new Promise((resolve, reject) => {
    const inner = http.request({ host: HOST, port, path: req.url, method: 'POST', headers }, (r) => {
      readBody(r).then((b) => resolve({ status: r.statusCode, body: b }), reject);
    });
    inner.on('error', reject);
    inner.end(body);
  });
  if (answer.status !== 200) return send(res, answer.status, answer.body.toString());
  return send(res, 200, await tampered(JSON.parse(answer.body.toString())));
}

async function control(req, res, url) {
  const body = req.method === 'POST' ? (await readBody(req)).toString() : '';
  const json = body ? JSON.parse(body) : {};
  switch (url.pathname) {
    case '/__test/configure':
      state.redirectUris = json.redirect_uris;
      provider = build();
      return send(res, 200, { ok: true });
    case '/__test/next':
      state.next = json;
      return send(res, 200, { ok: true });
    case '/__test/rotate':
      state.keys = [await newKey()];
      provider = build();
      return send(res, 200, { ok: true, kid: state.keys[0].kid });
    case '/__test/tamper':
      state.tamper = json.mode || '';
      return send(res, 200, { ok: true });
    default:
      return send(res, 404, { error: 'unknown' });
  }
}

state.keys = [await newKey()];
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, issuer || `http://${HOST}`);
  try {
    if (url.pathname.startsWith('/__test/')) return await control(req, res, url);
    if (url.pathname.startsWith('/interaction/')) return await interaction(req, res, url);
    if (url.pathname === '/token' && state.tamper && !req.headers['x-palabre-internal']) {
      return await tokenThroughTamperer(req, res, server.address().port);
    }
    return provider.callback()(req, res);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) send(res, 500, { error: String(e && e.message) });
  }
});
server.listen(Number(process.env.PORT || 0), HOST, () => {
  issuer = `http://${HOST}:${server.address().port}`;
  provider = build();
  console.log(`listening ${issuer}`);
});
