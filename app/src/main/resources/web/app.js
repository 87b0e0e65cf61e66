// The maintenance app as a reference client: copy what you need.
//
// 1. Log in with the authorization code flow and PKCE as the public client maintenance-app.
// 2. Read the access token's claims: mx_perms (permissions), mx_account (account, features,
//    setup mode), mx_auth (personnel authorizations). The server decides; the claims only
//    tell the app what to show.
// 3. Ask GET /mx/my-access?account=<mx_account.id> for the person's pages in the token's account
//    and why each is open or not. A person in several accounts chose the account at login
//    (scope "organization"); logging in again chooses another.
// 4. To sign: send the person to the login again with acr_values=signoff and the statement in
//    mx_signing (JSON, shownStatement below); exchange the code; POST /mx/signoffs with that
//    token as the bearer within the server's window (120 s), with the same what-fields: one
//    login signs once, and a token from a refresh signs nothing. The server checks acr and auth_time itself
//    (CVE-2026-97176): never trust the level you asked for.
// 5. Opened without a session, the app asks Keycloak once per tab without a page (prompt=none)
//    whether the person is signed in (e.g. right after accepting an invitation); the signing form
//    follows the kind of signoff and is kept in the tab across the step-up (issue 24).
// 6. Every text is in the person's language (English or German, useLanguage): the app's own words
//    and the server's answers alike come as message keys of the realm's account theme, which
//    Keycloak serves (the workspace reads the same texts); the English sentences of an answer are
//    shown only for a key the theme does not know, and no id of a page, API path or status code.
// Everything shown is put into the page with textContent, never as HTML.
"use strict";

const cfg = window.MX_CONFIG;
const realmUrl = cfg.keycloak + "/realms/" + encodeURIComponent(cfg.realm);
const redirectUri = window.location.origin + "/callback";
const $ = (id) => document.getElementById(id);

function randomString() {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** Sends the browser to Keycloak. extra: e.g. {acr_values: "signoff", mx_signing: "..."}. */
async function authorize(purpose, extra) {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem("pkce", JSON.stringify({verifier, state, purpose}));
  const query = new URLSearchParams({
    // "organization": a person in several accounts chooses one at login (Keycloak's organization
    // selection); the token's mx_account, mx_perms and mx_auth are then that account's only.
    client_id: cfg.clientId, response_type: "code", scope: "openid organization", redirect_uri: redirectUri,
    state, code_challenge: await challengeOf(verifier), code_challenge_method: "S256", ...extra,
  });
  window.location.assign(realmUrl + "/protocol/openid-connect/auth?" + query);
}

/** A failure of the login the page names in words (its key). */
class AppError extends Error {
  constructor(key) {
    super(key);
    this.key = key;
  }
}

/** On /callback: checks the state, exchanges the code, returns {purpose, tokens}. */
async function completeLogin() {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem("pkce") || "null");
  sessionStorage.removeItem("pkce");
  history.replaceState(null, "", "/");
  if (!pending || params.get("state") !== pending.state) {
    // Back from the app to Keycloak's step-up page and through it again brings the answer of a
    // login this tab already completed: nothing is signed twice, the page says so.
    const done = JSON.parse(sessionStorage.getItem("done") || "{}");
    if (params.get("state") && done[params.get("state")]) {
      return {purpose: "done", completed: done[params.get("state")]};
    }
    throw new AppError("mxApp.foreignAnswer");
  }
  const done = JSON.parse(sessionStorage.getItem("done") || "{}");
  done[pending.state] = {purpose: pending.purpose};
  sessionStorage.setItem("done", JSON.stringify(done));
  if (params.get("error")) {
    if (pending.purpose === "silent") {
      // No session at Keycloak (or it needs the person): the app offers "Log in".
      return {purpose: "silent", tokens: null};
    }
    // Keycloak's error_description is English and for developers: the page says it in words.
    throw new AppError("mxApp.loginFailed");
  }
  const answer = await fetch(realmUrl + "/protocol/openid-connect/token", {
    method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded"},
    body: new URLSearchParams({grant_type: "authorization_code", code: params.get("code"),
      redirect_uri: redirectUri, client_id: cfg.clientId, code_verifier: pending.verifier}),
  });
  if (!answer.ok) {
    throw new AppError("mxApp.loginFailed");
  }
  return {purpose: pending.purpose, state: pending.state, tokens: await answer.json()};
}

function claims(jwt) {
  const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

/**
 * The person's language: Keycloak's choice for them, the access token's locale claim (their own
 * setting, as Keycloak's pages use it), else the browser's languages; English where neither is one
 * the realm offers.
 */
const LANGUAGES = ["en", "de"];
let language = "en";
/** The realm's account theme messages in that language: key → text. */
let words = new Map();

function chooseLanguage(token) {
  const wanted = [token ? claims(token).locale : null, ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    const base = tag ? String(tag).toLowerCase().split("-")[0] : "";
    if (LANGUAGES.includes(base)) return base;
  }
  return "en";
}

/**
 * Loads the words of the person's language and puts them into the page (every element with a
 * data-text key). They are the realm's account theme messages, as Keycloak serves them to its
 * account console at /resources/{realm}/account/{language} (any origin may read them): the app's own
 * words (mxApp.*) and the texts of the keys the server answers with (mxCheckTitle.*, mxEvidence.*,
 * mxFix.*, mxSignoffReason.*, mxError.*), the same texts the workspace shows.
 */
async function useLanguage(token) {
  const chosen = chooseLanguage(token);
  for (const candidate of chosen === "en" ? ["en"] : [chosen, "en"]) {
    try {
      const answer = await fetch(cfg.keycloak + "/resources/" + encodeURIComponent(cfg.realm) + "/account/" + candidate);
      if (answer.ok) {
        words = new Map((await answer.json()).map((entry) => [entry.key, entry.value]));
        language = candidate;
        break;
      }
    } catch (e) {
      // the next language; without any, the page keeps the English of index.html
    }
  }
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-text]")) {
    if (words.has(node.dataset.text)) text(node, words.get(node.dataset.text));
  }
}

/** One of the theme's texts with its {{name}} parameters filled in (every mxApp key is in both languages: MessageKeysTest). */
function say(key, params = {}) {
  const template = words.has(key) ? words.get(key) : key;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * A sentence of the server in words: its message key's text with {0}, {1} … filled (a parameter
 * that is a state, "expired", in its own words), or the server's English where the theme does not
 * know the key (a newer server) or the server sent none.
 */
function serverText(key, params, english) {
  if (!key || !words.has(key)) return english || "";
  return words.get(key).replace(/\{(\d+)\}/g, (whole, index) => {
    const value = params ? params[Number(index)] : undefined;
    return value === undefined ? whole : (words.get("mxStatus-" + value) ?? String(value));
  });
}

function time(iso, withSeconds) {
  return iso ? new Date(iso).toLocaleString(language, {dateStyle: "medium", timeStyle: withSeconds ? "medium" : "short"}) : "";
}

/** A role template by name: the bundled ones in words, a read-only variant as such, an organisation's own as named. */
function templateName(name) {
  const readOnly = name.endsWith("-read-only");
  const base = readOnly ? name.slice(0, -"-read-only".length) : name;
  const key = "mxTemplateName." + base;
  if (!words.has(key)) return name;
  return readOnly ? say("mxTemplateReadOnlyName", {name: words.get(key)}) : words.get(key);
}

/** A page of the catalog by name: the bundled pages in words, a page an organisation added by its catalog's description. */
function pageName(page) {
  return words.get("mxPageName." + page.id) ?? page.description;
}

/** One value of a check's evidence in words, by its kind (the server's review/EvidenceParam), as the workspace shows it. */
function word(kind, value) {
  switch (kind) {
    case "template": return templateName(value);
    case "authorizationType": return words.get("mxAuthorizationType-" + value) ?? value;
    case "feature": return words.get("mxFeature-" + value) ?? value;
    case "area": return words.get("mxArea-" + value) ?? value;
    case "reason": return words.get("mxSignoffReason." + value) ?? value;
    case "invitationStatus": return (words.get("mxStatus-" + value) ?? value).toLocaleLowerCase(language);
    case "time": return time(value);
    default: return value;
  }
}

/** A check's key with its {0}, {1} … parameters in words (several values joined by commas). */
function fill(key, params) {
  return words.get(key).replace(/\{(\d+)\}/g, (whole, index) => {
    const param = params ? params[Number(index)] : undefined;
    return param ? (param.values || []).map((value) => word(param.kind, value)).join(", ") || "—" : whole;
  });
}

/** What a check found, part by part in words; the server's English when a part's key is not known here. */
function evidence(check) {
  const parts = check.evidenceParts || [];
  if (parts.length === 0 || parts.some((part) => !part.key || !words.has(part.key))) return check.evidence || "";
  return parts.map((part) => fill(part.key, part.params)).join("; ");
}

/** The fix in words, or nothing: the server's English fix may name an API path, which is for developers. */
function fix(check) {
  return check.fixKey && words.has(check.fixKey) ? fill(check.fixKey, check.fixWords) : null;
}

function text(element, value) {
  element.textContent = value == null ? "" : String(value);
  return element;
}

function el(tag, value, className) {
  const node = text(document.createElement(tag), value);
  if (className) node.className = className;
  return node;
}

async function api(method, path, token, body) {
  const answer = await fetch(path, {
    method,
    headers: Object.assign({"Authorization": "Bearer " + token}, body ? {"Content-Type": "application/json"} : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await answer.json().catch(() => ({}));
  return {status: answer.status, json};
}

/**
 * Navigation: every page of the catalog; the ones this person cannot open say why. A page whose
 * id extends another's ("planning.workpackages.release" under "planning.workpackages") is listed
 * inside that page's entry, so an action is always shown under its section.
 */
async function showNavigation(token) {
  const account = claims(token).mx_account;
  const {status, json} = await api("GET", "/mx/my-access" + (account ? "?account=" + encodeURIComponent(account.id) : ""), token);
  const list = $("pages");
  list.replaceChildren();
  if (status !== 200) {
    list.append(el("li", say("mxApp.pagesUnreadable")));
    return;
  }
  const entries = new Map();
  for (const item of json.pages) {
    entries.set(item.page.id, pageEntry(item));
  }
  for (const item of json.pages) {
    const id = item.page.id;
    const parentId = id.includes(".") ? id.substring(0, id.lastIndexOf(".")) : null;
    const parent = parentId ? entries.get(parentId) : null;
    if (parent) {
      let children = parent.querySelector(":scope > ul.children");
      if (!children) {
        children = el("ul", "", "children");
        parent.append(children);
      }
      children.append(entries.get(id));
    } else {
      list.append(entries.get(id));
    }
  }
}

function pageEntry(item) {
  const page = item.page;
  const li = el("li", "", item.explanation.allowed ? "allowed" : "denied");
  li.dataset.page = page.id;
  if (item.explanation.allowed) {
    const link = el("a", pageName(page));
    link.href = "#" + page.id;
    link.addEventListener("click", () => {
      $("page-view").hidden = false;
      text($("page-title"), pageName(page));
      text($("page-body"), say("mxApp.pageBody", {page: pageName(page), permission: page.permission}));
    });
    li.append(link);
  } else {
    li.append(el("span", say("mxApp.notAvailable", {page: pageName(page)})));
    // Why, in the person's words: each failed check's title (mxCheckTitle.*), what it found
    // (mxEvidence.* with its parameters) and, on a line of its own, the fix (mxFix.*).
    const why = el("ul", "", "why");
    for (const check of item.explanation.checks.filter((c) => !c.passed)) {
      const title = serverText(check.titleKey, [], check.title);
      const reason = el("li", say("mxApp.check", {title, evidence: evidence(check)}));
      const helps = fix(check);
      if (helps) reason.append(el("div", words.get("mxFix") + ": " + helps, "fix"));
      why.append(reason);
    }
    li.append(why);
  }
  return li;
}

/**
 * The signing form adapts to the signoff: each kind has its own caption for the category, its
 * own fields (a release covers the work order, not one task; an RII names the signature of the
 * work it inspects) and its own declaration. A declaration the person wrote is kept when the
 * kind changes; only another kind's default text is replaced. The words are the theme's, per kind:
 * mxApp.category-<kind>, mxApp.button-<kind>, mxApp.declaration-<kind>.
 */
const KINDS = {
  release: {task: false, inspects: false},
  task: {task: true, inspects: false},
  inspection: {task: true, inspects: true},
};

function adaptForm() {
  const type = $("sign-type").value;
  const kind = KINDS[type];
  text($("category-caption"), say("mxApp.category-" + type));
  $("task-label").hidden = !kind.task;
  $("inspects-label").hidden = !kind.inspects;
  text($("sign"), say("mxApp.button-" + type));
  $("sign-form").dataset.kind = type;
  const declaration = $("sign-declaration");
  if (!declaration.value.trim() || Object.keys(KINDS).some((k) => say("mxApp.declaration-" + k) === declaration.value)) {
    declaration.value = say("mxApp.declaration-" + type);
  }
}

/** The form's fields as the person left them (kept across the step-up login in sessionStorage). */
const FORM_FIELDS = ["sign-type", "sign-registration", "sign-aircraft", "sign-workorder", "sign-task",
  "sign-category", "sign-base", "sign-inspects", "sign-declaration"];

function saveForm() {
  const values = {};
  for (const id of FORM_FIELDS) values[id] = $(id).value;
  sessionStorage.setItem("sign-form", JSON.stringify(values));
}

function restoreForm() {
  const values = JSON.parse(sessionStorage.getItem("sign-form") || "null");
  if (values) {
    for (const id of FORM_FIELDS) {
      if (typeof values[id] === "string") $(id).value = values[id];
    }
  }
  adaptForm();
}

function signRequest() {
  const type = $("sign-type").value;
  const body = {
    type,
    aircraft: {registration: $("sign-registration").value, type: $("sign-aircraft").value},
    workOrder: $("sign-workorder").value, task: $("sign-task").value,
    taskCategory: $("sign-category").value, base: $("sign-base").value || undefined,
    declaration: $("sign-declaration").value,
  };
  if (!KINDS[type].task) delete body.task;
  if (type === "task") body.authorizationType = "certifying-staff";
  if (type === "inspection") body.inspects = {performedBy: $("sign-inspects").value};
  return body;
}

/**
 * What the person confirms at the step-up (issue 23, "sign what was shown"): the fields of the
 * body that say what is signed, as JSON in mx_signing (at most 2,000 characters). The login page
 * shows them in the person's language, the step-up's token carries them (mx_statement), and the
 * server refuses a body that says anything else (statement_mismatch). Send exactly the body's
 * values: an empty field is left out of both.
 */
function shownStatement(body) {
  const s = {type: body.type, aircraft: {registration: body.aircraft.registration}};
  if (body.aircraft.type) s.aircraft.type = body.aircraft.type;
  for (const field of ["workOrder", "task", "taskCategory", "base", "declaration"]) {
    if (body[field]) s[field] = body[field];
  }
  return JSON.stringify(s);
}

function statement(body) {
  return say(body.task ? "mxApp.statementWithTask" : "mxApp.statement", {kind: say("mxApp.statement-" + body.type),
    registration: body.aircraft.registration, workOrder: body.workOrder, task: body.task});
}

/**
 * Why a signoff was refused, in words: the refusal's sentence (its key, mxError.*), or for a request
 * the server could not read each problem's; then the reasons (mxSignoffReason.*).
 */
function refusalText(json) {
  const sentences = Array.isArray(json.problems) && json.problems.length > 0
    ? json.problems.map((problem) => serverText(problem.key, problem.params, problem.message))
    : [serverText(json.key, json.params, json.error_description) || say("mxApp.refusedWithoutWords")];
  const reasons = (json.reasons || []).map((reason) => words.get("mxSignoffReason." + reason) ?? reason);
  if (reasons.length > 0) sentences.push(say("mxApp.reasons", {list: reasons.join("; ")}));
  return sentences.join(" ");
}

/** Step 4: after the step-up login, send what is signed with the fresh token. */
async function sign(token, body, state) {
  const {status, json} = await api("POST", "/mx/signoffs", token, body);
  const done = JSON.parse(sessionStorage.getItem("done") || "{}");
  done[state] = {purpose: "sign", status, id: json.id || null};
  sessionStorage.setItem("done", JSON.stringify(done));
  const result = $("result");
  result.hidden = false;
  result.className = status === 201 ? "accepted" : "refused";
  text($("result-title"), say(status === 201 ? "mxApp.signed" : "mxApp.refused"));
  text($("result-reasons"), status === 201 ? "" : refusalText(json));
  const record = $("record");
  record.replaceChildren();
  const r = json.record;
  // The signature's id is shown: an inspection of this work names it (Signature of the work inspected).
  const rows = r ? [["mxApp.signatureId", json.id], ["mxApp.signer", r.signer.name + " (" + r.signer.username + ")"],
    ["mxApp.authorization", r.authorization ? word("authorizationType", r.authorization.type) + " " + r.authorization.reference : ""],
    ["mxApp.what", statement({type: r.what.type, aircraft: r.what.aircraft, workOrder: r.what.workOrder, task: r.what.task})],
    ["mxApp.meaning", r.meaning], ["mxApp.signedAt", time(r.signedAt, true)],
    ["mxApp.reauthenticatedAt", time(r.proof.authTime, true)],
    ["mxApp.level", r.proof.acr === "signoff" ? say("mxApp.levelSignoff") : r.proof.acr],
    ["mxApp.trailEntry", say("mxApp.trailEntryValue", {seq: json.seq, hash: json.hash})]]
    : [["mxApp.refusalRecorded", json.refusal ? say("mxApp.refusalRecordedAs", {seq: json.refusal.seq})
      : say("mxApp.refusalNotRecorded")]];
  for (const [key, v] of rows) {
    const k = say(key);
    record.append(el("dt", k), el("dd", v));
  }
}

async function start() {
  $("login").addEventListener("click", () => authorize("login", {}));
  $("logout").addEventListener("click", () => {
    sessionStorage.clear();
    sessionStorage.setItem("silent-tried", "yes");
    window.location.assign(realmUrl + "/protocol/openid-connect/logout?" + new URLSearchParams(
        {client_id: cfg.clientId, post_logout_redirect_uri: window.location.origin + "/"}));
  });
  $("sign-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const body = signRequest();
    saveForm();
    sessionStorage.setItem("signing", JSON.stringify(body));
    authorize("sign", {acr_values: "signoff", mx_signing: shownStatement(body)});
  });
  $("sign-type").addEventListener("change", adaptForm);

  let session = JSON.parse(sessionStorage.getItem("session") || "null");
  // What the page shows once its words are loaded (the login's answer decides the language).
  let show = () => showSession(session);
  try {
    if (window.location.pathname === "/callback") {
      const answer = await completeLogin();
      if (answer.purpose === "done") {
        show = () => {
          showSession(session);
          $("sign-note").hidden = false;
          text($("sign-note"), say(answer.completed.purpose === "sign" ? "mxApp.alreadySent" : "mxApp.alreadyLoggedIn"));
        };
      } else if (answer.purpose === "sign") {
        const body = JSON.parse(sessionStorage.getItem("signing"));
        sessionStorage.removeItem("signing");
        show = async () => {
          showSession(session);
          await sign(answer.tokens.access_token, body, answer.state);
        };
      } else if (answer.tokens) {
        session = {token: answer.tokens.access_token};
        sessionStorage.setItem("session", JSON.stringify(session));
      }
    } else if (!session && !sessionStorage.getItem("silent-tried")) {
      // Once per tab: ask Keycloak without a page whether the person is logged in already, e.g.
      // just after accepting an invitation (the invitation's last page lands here with a Keycloak
      // session). No session: Keycloak answers login_required and the app offers "Log in".
      sessionStorage.setItem("silent-tried", "yes");
      await authorize("silent", {prompt: "none"});
      return;
    }
  } catch (e) {
    const key = e instanceof AppError ? e.key : "mxApp.loginFailed";
    show = () => {
      showSession(session);
      text($("status"), say(key));
    };
  }
  await useLanguage(session ? session.token : null);
  restoreForm();
  await show();
}

function showSession(session) {
  if (!session) {
    $("login").hidden = false;
    text($("status"), say("mxApp.logInToSee"));
    return;
  }
  const c = claims(session.token);
  $("logout").hidden = false;
  const account = c.mx_account ? (c.mx_account.setup ? say("mxApp.setupMode", {account: c.mx_account.alias}) : c.mx_account.alias) : null;
  text($("who"), (c.name || c.preferred_username) + (account ? " · " + account : ""));
  text($("status"), (c.mx_perms || []).length > 0 ? say("mxApp.permissions", {list: c.mx_perms.join(", ")}) : say("mxApp.noPermissions"));
  $("navigation").hidden = false;
  $("signing").hidden = false;
  showNavigation(session.token);
}

start();
