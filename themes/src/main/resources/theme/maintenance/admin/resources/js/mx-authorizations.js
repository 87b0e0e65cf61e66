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
 */
const FIELD = "attributes.mx_authorizations.";
const STATE = { a: "active", s: "suspended", r: "revoked" };

/** "certifying-staff" → "Certifying staff": the catalog's ids read as words. */
function words(id) {
  const text = String(id ?? "").replace(/[-_]/g, " ").trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "Authorization";
}

function day(instant) {
  return typeof instant === "string" ? instant.substring(0, 10) : undefined;
}

/** One stored record (authorization/model/AuthorizationCodec) as a sentence. */
export function describe(value, now = new Date()) {
  let record;
  try {
    record = JSON.parse(value);
  } catch {
    return "A record that cannot be read; open the workspace to see it.";
  }
  let state = STATE[record.st] ?? "in an unknown state";
  if (state === "active" && record.exp && new Date(record.exp) <= now) state = "expired";
  if (state === "active" && record.eff && new Date(record.eff) > now) state = "not yet in force";
  const parts = [`${words(record.t)} ${record.ref ?? ""}`.trim() + `: ${state}`];
  if (record.sr && state !== "active") parts[0] += ` (${record.sr})`;
  if (record.eff || record.exp) {
    parts.push(`valid from ${day(record.eff) ?? "—"} to ${day(record.exp) ?? "no end date"}`);
  }
  if (record.lic) parts.push(`licence ${[record.lic.c, record.lic.n].filter(Boolean).join(" ")}`.trim());
  if (record.ac?.length) parts.push(`aircraft ${record.ac.join(", ")}`);
  if (record.task?.length) parts.push(`tasks ${record.task.join(", ")}`);
  if (record.base?.length) parts.push(`bases ${record.base.join(", ")}`);
  if (record.iss) parts.push(`issued by ${record.iss}`);
  return parts.join("; ") + ".";
}

/** The person's records page in the workspace (account console), from the admin console's address. */
function workspaceLink() {
  const match = window.location.hash.match(/^#\/([^/]+)\/users\/([^/]+)/);
  if (!match) return undefined;
  let base = window.location.origin;
  try {
    base = JSON.parse(document.getElementById("environment").textContent).serverBaseUrl || base;
  } catch {
    // the page's own origin is right for a server without a separate admin host
  }
  return `${base}/realms/${match[1]}/account/mx/people/${match[2]}/authorizations`;
}

function render() {
  const inputs = [...document.querySelectorAll(`input[name^="${FIELD}"]`)];
  if (inputs.length === 0) return;
  const control = inputs[0].closest(".pf-v5-c-form__group-control");
  if (!control) return;
  const values = inputs.map((input) => input.value).filter((value) => value.trim() !== "");
  const key = JSON.stringify(values) + window.location.hash;
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
    item.textContent = describe(value);
    list.append(item);
  }
  if (values.length === 0) {
    const none = document.createElement("p");
    none.textContent = "No personnel authorization is recorded for this person.";
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
    link.textContent = "Open this person's authorizations in the workspace";
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

new MutationObserver(render).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener("hashchange", render);
