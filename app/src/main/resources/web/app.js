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
    throw new Error("the login answer does not belong to this browser tab");
  }
  const done = JSON.parse(sessionStorage.getItem("done") || "{}");
  done[pending.state] = {purpose: pending.purpose};
  sessionStorage.setItem("done", JSON.stringify(done));
  if (params.get("error")) {
    if (pending.purpose === "silent") {
      // No session at Keycloak (or it needs the person): the app offers "Log in".
      return {purpose: "silent", tokens: null};
    }
    throw new Error(params.get("error_description") || params.get("error"));
  }
  const answer = await fetch(realmUrl + "/protocol/openid-connect/token", {
    method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded"},
    body: new URLSearchParams({grant_type: "authorization_code", code: params.get("code"),
      redirect_uri: redirectUri, client_id: cfg.clientId, code_verifier: pending.verifier}),
  });
  if (!answer.ok) {
    throw new Error("token exchange failed: " + answer.status);
  }
  return {purpose: pending.purpose, state: pending.state, tokens: await answer.json()};
}

function claims(jwt) {
  const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
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
    list.append(el("li", "Cannot read your pages (" + status + ")"));
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
    const link = el("a", page.description);
    link.href = "#" + page.id;
    link.addEventListener("click", () => {
      $("page-view").hidden = false;
      text($("page-title"), page.description);
      text($("page-body"), "Page " + page.id + " (permission " + page.permission + ").");
    });
    li.append(link);
  } else {
    li.append(el("span", page.description + " — not available"));
    const why = el("ul", "", "why");
    for (const check of item.explanation.checks.filter((c) => !c.passed)) {
      why.append(el("li", check.title + ": " + check.evidence + (check.fix ? " (" + check.fix + ")" : "")));
    }
    li.append(why);
  }
  return li;
}

/**
 * The signing form adapts to the signoff: each kind has its own caption for the category, its
 * own fields (a release covers the work order, not one task; an RII names the signature of the
 * work it inspects) and its own declaration. A declaration the person wrote is kept when the
 * kind changes; only another kind's default text is replaced.
 */
const KINDS = {
  release: {
    category: "Maintenance category", task: false, inspects: false,
    button: "Release to service (re-enter your password)",
    declaration: "Certifies that the work specified was carried out in accordance with Part-145"
        + " and the aircraft is considered ready for release to service.",
  },
  task: {
    category: "Task category", task: true, inspects: false,
    button: "Sign the task (re-enter your password)",
    declaration: "I performed the task specified in accordance with the maintenance data.",
  },
  inspection: {
    category: "Category of the work inspected", task: true, inspects: true,
    button: "Sign the inspection (re-enter your password)",
    declaration: "I independently inspected the work specified and found it carried out correctly.",
  },
};

function adaptForm() {
  const kind = KINDS[$("sign-type").value];
  text($("category-caption"), kind.category);
  $("task-label").hidden = !kind.task;
  $("inspects-label").hidden = !kind.inspects;
  text($("sign"), kind.button);
  $("sign-form").dataset.kind = $("sign-type").value;
  const declaration = $("sign-declaration");
  if (!declaration.value.trim() || Object.values(KINDS).some((k) => k.declaration === declaration.value)) {
    declaration.value = kind.declaration;
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
  const kinds = {release: "certificate of release to service", task: "task signoff", inspection: "required inspection item (RII)"};
  return kinds[body.type] + " for " + body.aircraft.registration + ", work order " + body.workOrder
      + (body.task ? ", task " + body.task : "");
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
  text($("result-title"), status === 201 ? "Signed" : "Refused (" + status + ")");
  text($("result-reasons"), status === 201 ? "" : (json.error_description || "") + " " + (json.reasons || []).join(", "));
  const record = $("record");
  record.replaceChildren();
  const r = json.record;
  const rows = r ? [["Signature id", json.id], ["Signer", r.signer.name + " (" + r.signer.username + ")"],
    ["Authorization", r.authorization ? r.authorization.reference : ""], ["What", statement({type: r.what.type,
      aircraft: r.what.aircraft, workOrder: r.what.workOrder, task: r.what.task})],
    ["Meaning", r.meaning], ["Signed at", r.signedAt], ["Re-authenticated at", r.proof.authTime],
    ["Level", r.proof.acr], ["Trail entry", json.seq + " " + json.hash]]
    : [["Refusal recorded", json.refusal ? json.refusal.id : "no"]];
  for (const [k, v] of rows) {
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
  restoreForm();

  let session = JSON.parse(sessionStorage.getItem("session") || "null");
  try {
    if (window.location.pathname === "/callback") {
      const answer = await completeLogin();
      if (answer.purpose === "done") {
        showSession(session);
        const completed = answer.completed;
        $("sign-note").hidden = false;
        text($("sign-note"), completed.purpose === "sign"
            ? "This signoff was already sent" + (completed.id ? " (signature " + completed.id + ")" : "")
              + ": going back does not sign it again. Your form is below; sign again for another signoff."
            : "You are logged in already.");
        return;
      }
      if (answer.purpose === "sign") {
        const body = JSON.parse(sessionStorage.getItem("signing"));
        sessionStorage.removeItem("signing");
        showSession(session);
        await sign(answer.tokens.access_token, body, answer.state);
        return;
      }
      if (answer.tokens) {
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
    text($("status"), e.message);
  }
  showSession(session);
}

function showSession(session) {
  if (!session) {
    $("login").hidden = false;
    text($("status"), "Log in to see your pages.");
    return;
  }
  const c = claims(session.token);
  $("logout").hidden = false;
  text($("who"), (c.name || c.preferred_username) + (c.mx_account ? " · " + c.mx_account.alias
      + (c.mx_account.setup ? " (setup mode)" : "") : ""));
  text($("status"), "Permissions: " + (c.mx_perms || []).join(", "));
  $("navigation").hidden = false;
  $("signing").hidden = false;
  showNavigation(session.token);
}

start();
