/*
 * Personnel authorizations in the admin console, in plain words (issue 24 item 8).
 *
 * Keycloak's admin console shows a multivalued user-profile attribute as one text field per value
 * with "Add" and "−" buttons; for mx_authorizations (read-only: view admin and user, edit nobody)
 * the fields hold the stored JSON records, cut off at the field's width, and the buttons are
 * disabled. Keycloak offers no way to render an attribute differently (its extension points,
 * UiTabProvider and UiPageProvider, add configuration forms, not views of a user's data), so this
 * script, loaded by the maintenance admin theme (theme.properties, scripts=), writes each record
 * as a sentence above the fields, links to the person's records in the workspace, and hides the
 * fields and their buttons.
 *
 * It only reads: the values stay in Keycloak's form as loaded, and any write of the attribute is
 * refused on the server anyway (ConsoleWriteListener, PersonnelAuthorizationValidator). If
 * Keycloak renders the fields differently one day, the script finds nothing and the JSON shows, as
 * before.
 *
 * The sentences follow the admin console's language (English, German): the console loads its texts
 * for the signed-in operator's locale from resources/{realm}/admin/{locale} (Keycloak's admin UI,
 * i18next); that request is the only place a theme script can see the locale (the page's lang
 * attribute stays "en", whoami needs the console's token). The script watches the console's
 * requests for it (PerformanceObserver) and reads its own texts, messages_en/_de.properties of this
 * theme, from the same endpoint. Until they are loaded nothing is changed; if they cannot be loaded
 * the JSON shows, as before.
 */
const FIELD = "attributes.mx_authorizations.";
const STATE = { a: "active", s: "suspended", r: "revoked" };
/** The console's own text requests: …/resources/{realm}/admin/{locale} (no query). */
const BUNDLE = /\/resources\/[^/]+\/admin\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$/;

let consoleLocale = "en";
/** language → its texts (a Map), a promise while loading, or null when they cannot be loaded. */
const bundles = new Map();

function environment() {
  try {
    return JSON.parse(document.getElementById("environment").textContent);
  } catch {
    return {};
  }
}

/** The texts of one language from this theme's messages; English when the language has none of ours. */
async function loadTexts(language) {
  const env = environment();
  const base = (env.authServerUrl || window.location.origin).replace(/\/$/, "");
  const realm = env.realm || "master";
  for (const candidate of language === "en" ? ["en"] : [language, "en"]) {
    try {
      // "?source=false" (the endpoint's default) tells this request from the console's own (no query).
      const response = await fetch(`${base}/resources/${encodeURIComponent(realm)}/admin/${candidate}?source=false`);
      if (!response.ok) continue;
      const texts = new Map((await response.json()).map((entry) => [entry.key, entry.value]));
      if (texts.has("mxAdminNoAuthorizations")) return { language: candidate, texts };
    } catch {
      // try the next language; without any, the fields stay as Keycloak shows them
    }
  }
  return null;
}

/** The texts for the console's language now, or undefined while they load (render runs again then). */
function currentTexts() {
  const language = consoleLocale.split("-")[0].toLowerCase();
  const known = bundles.get(language);
  if (known === undefined) {
    bundles.set(language, loadTexts(language).then((loaded) => {
      bundles.set(language, loaded);
      render();
    }));
    return undefined;
  }
  return known instanceof Promise ? undefined : known;
}

/** A message with its {{name}} parameters filled in. */
function format(texts, key, parameters = {}) {
  const text = texts.get(key) ?? ""; // every key is in both languages (MessageKeysTest)
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(parameters[name] ?? ""));
}

function date(instant, language) {
  const parsed = typeof instant === "string" ? new Date(instant) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) return undefined;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(parsed);
}

/**
 * One stored record (authorization/model/AuthorizationCodec) as a sentence, in the texts' language.
 * {@code bundle}: {language, texts} as loaded.
 */
export function describe(value, bundle, now = new Date()) {
  const { language, texts } = bundle;
  let record;
  try {
    record = JSON.parse(value);
  } catch {
    return format(texts, "mxAdminUnreadable");
  }
  let state = STATE[record.st] ?? "unknown";
  if (state === "active" && record.exp && new Date(record.exp) <= now) state = "expired";
  if (state === "active" && record.eff && new Date(record.eff) > now) state = "notYetInForce";
  let stateText = format(texts, `mxAdminState-${state}`);
  if (record.sr && state !== "active") stateText = format(texts, "mxAdminStateWithReason", { state: stateText, reason: record.sr });
  const typeKey = `mxAuthorizationType-${record.t}`;
  const type = texts.has(typeKey) ? texts.get(typeKey) : format(texts, "mxAdminAuthorization");
  const parts = [record.ref
    ? format(texts, "mxAdminRecord", { type, reference: record.ref, state: stateText })
    : format(texts, "mxAdminRecordWithoutReference", { type, state: stateText })];
  const from = date(record.eff, language);
  const to = date(record.exp, language);
  if (from && to) parts.push(format(texts, "mxAdminValidFromTo", { from, to }));
  else if (from) parts.push(format(texts, "mxAdminValidFrom", { from }));
  else if (to) parts.push(format(texts, "mxAdminValidUntil", { to }));
  const licence = [record.lic?.c, record.lic?.n].filter(Boolean).join(" ");
  if (licence) parts.push(format(texts, "mxAdminLicence", { licence }));
  if (record.ac?.length) parts.push(format(texts, "mxAdminAircraft", { list: record.ac.join(", ") }));
  if (record.task?.length) parts.push(format(texts, "mxAdminTasks", { list: record.task.join(", ") }));
  if (record.base?.length) parts.push(format(texts, "mxAdminBases", { list: record.base.join(", ") }));
  if (record.iss) parts.push(format(texts, "mxAdminIssuer", { issuer: record.iss }));
  return format(texts, "mxAdminSentence", { parts: parts.join("; ") });
}

/** The person's records page in the workspace (account console), from the admin console's address. */
function workspaceLink() {
  const match = window.location.hash.match(/^#\/([^/]+)\/users\/([^/]+)/);
  if (!match) return undefined;
  // The page's own origin is right for a server without a separate admin host.
  const base = environment().serverBaseUrl || window.location.origin;
  return `${base}/realms/${match[1]}/account/mx/people/${match[2]}/authorizations`;
}

function render() {
  const inputs = [...document.querySelectorAll(`input[name^="${FIELD}"]`)];
  if (inputs.length === 0) return;
  const control = inputs[0].closest(".pf-v5-c-form__group-control");
  if (!control) return;
  const bundle = currentTexts();
  if (!bundle) return;
  const values = inputs.map((input) => input.value).filter((value) => value.trim() !== "");
  const key = JSON.stringify(values) + window.location.hash + bundle.language;
  let view = control.querySelector(":scope > [data-mx='authorizations']");
  if (view && view.dataset.key === key) return;
  if (!view) {
    view = document.createElement("div");
    view.dataset.mx = "authorizations";
    control.prepend(view);
  }
  view.dataset.key = key;
  view.replaceChildren();
  const list = document.createElement("ul");
  list.className = "pf-v5-c-list";
  for (const value of values) {
    const item = document.createElement("li");
    item.dataset.mx = "authorization";
    item.textContent = describe(value, bundle);
    list.append(item);
  }
  if (values.length === 0) {
    const none = document.createElement("p");
    none.textContent = format(bundle.texts, "mxAdminNoAuthorizations");
    view.append(none);
  } else {
    view.append(list);
  }
  const href = workspaceLink();
  if (href) {
    const link = document.createElement("a");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener";
    link.dataset.mx = "workspace-link";
    link.textContent = format(bundle.texts, "mxAdminOpenInWorkspace");
    const line = document.createElement("p");
    line.className = "pf-v5-u-pt-sm";
    line.append(link);
    view.append(line);
  }
  // The stored JSON and the disabled Add / − buttons: hidden, not removed (Keycloak's form owns them).
  for (const child of control.children) {
    if (child !== view && child.getAttribute("role") !== "alert") child.style.display = "none";
  }
}

// The console's language: the last text bundle it requested (English first, then the operator's
// locale once whoami has answered). Earlier requests are in the buffer (buffered: true).
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const url = new URL(entry.name, window.location.href);
    const match = url.search === "" && BUNDLE.exec(url.pathname);
    if (match) consoleLocale = match[1];
  }
  render();
}).observe({ type: "resource", buffered: true });
new MutationObserver(render).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener("hashchange", render);
