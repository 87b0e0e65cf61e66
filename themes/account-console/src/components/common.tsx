import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageText, MxError, type Problem } from "../api";

/** Loads once per change of deps; reload() loads again (after a write). */
export function useLoad<T>(loader: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  // A new load clears the last one's refusal in the render that starts it (React's "adjusting state
  // when a prop changes"), not in the effect, which would render once more; its data stays shown
  // until the answer replaces it.
  const key = [...deps, generation];
  const [loading, setLoading] = useState(key);
  if (key.length !== loading.length || key.some((value, index) => !Object.is(value, loading[index]))) {
    setLoading(key);
    setError(undefined);
  }
  useEffect(() => {
    let current = true;
    loader().then(
      (value) => current && setData(value),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
    // The caller names what the loader reads (deps), as for useEffect; the loader itself is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, reload };
}

const UNCHANGED = " Nothing was changed.";

/**
 * Server messages in the page's language: the text of the message key the server sent (with its
 * parameters), falling back to the server's English text when the key has no text here.
 */
export function useServerText() {
  const { t, i18n } = useTranslation();
  const translate = (key: string) => (i18n.exists(key) ? t(key) : undefined);
  const problem = (p: Problem) => messageText(p.key ?? undefined, p.params ?? undefined, p.message, translate);
  const refusal = (error: MxError) => {
    const keyed = error.key && i18n.exists(error.key);
    let text: string;
    if (keyed && error.problems.length > 0) {
      // A 400: what is wrong with each field, in the person's words, named by the field's label.
      text = error.problems
        .map((p) => {
          const field = p.field.replace(/\[\d+\]/g, "");
          const label = i18n.exists(`mxField.${field}`) ? t(`mxField.${field}`) : field;
          return `${label}: ${problem(p)}`;
        })
        .join(" ");
    } else if (keyed) {
      text = messageText(error.key, error.params, error.message, translate);
    } else {
      // No key (or one the theme does not know): the server's English sentence, without
      // "Nothing was changed." on a page that only read.
      text = error.method === "GET" && error.message.endsWith(UNCHANGED)
        ? error.message.substring(0, error.message.length - UNCHANGED.length)
        : error.message;
      return text;
    }
    return error.unchanged && error.method !== "GET" ? `${text} ${t("mxError.unchanged")}` : text;
  };
  return { problem, refusal };
}

/** The server's sentence for a refused call in the person's language, or the failure itself. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useServerText();
  if (!error) return null;
  const shown = error instanceof MxError ? text.refusal(error) : String(error);
  return <Alert variant="danger" isInline title={t("mxRefused")} data-testid="mx-error">{shown}</Alert>;
}

export function SuccessAlert({ message }: { message?: string }) {
  if (!message) return null;
  return <Alert variant="success" isInline title={message} data-testid="mx-done" />;
}

/** The message the server gave for one form field, shown under that field. */
export function FieldProblem({ error, field }: { error: unknown; field: string }) {
  const text = useServerText();
  const problem = error instanceof MxError ? error.fieldProblem(field) : undefined;
  if (!problem) return null;
  const message = text.problem(problem);
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" data-testid={`problem-${field}`}>{message}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/** "error" when the server named this field, for the input's validated state. */
export function validated(error: unknown, field: string): "error" | "default" {
  return error instanceof MxError && error.problemFor(field) ? "error" : "default";
}

/** The absolute path of a workspace page (paths are relative to the console's base URL). */
export function useConsolePath() {
  const { environment } = useEnvironment<AccountEnvironment>();
  const base = new URL(environment.baseUrl).pathname;
  return (path: string) => `${base.endsWith("/") ? base : base + "/"}${path}`;
}

/** A timestamp in the page's locale, or a dash. */
export function useTime() {
  const { i18n } = useTranslation();
  return (iso?: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" }) : "—";
}

/**
 * A day the server keeps as a day (last login is recorded per UTC day, sent as that day's midnight
 * UTC): shown as that date, never as a time ("12:00 AM" would be a time nobody logged in at).
 */
export function useDay() {
  const { i18n } = useTranslation();
  return (iso?: string | null) =>
    iso ? new Date(iso).toLocaleDateString(i18n.language, { dateStyle: "medium", timeZone: "UTC" }) : "—";
}

/**
 * Runs a write, then reports its outcome: the success message (or the message made from the
 * answer) or the server's refusal.
 */
export function useAction(reload: () => void) {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  // A second click while the first call is on its way is ignored: a double click on Invite must not
  // send twice, nor show the second call's refusal ("already in this account") next to the success.
  const busy = useRef(false);
  const run = async <T,>(action: () => Promise<T>, message: string | ((answer: T) => string)) => {
    if (busy.current) return false;
    busy.current = true;
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await action();
      setDone(typeof message === "function" ? message(answer) : message);
      reload();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      busy.current = false;
    }
  };
  return { error, done, run };
}

/** A person's name, or their username where no name was given. */
export function personName(person: { firstName?: string | null; lastName?: string | null; username: string }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(" ") || person.username;
}
