import { type AccountEnvironment, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MxError } from "../api";

/** Loads once per change of deps; reload() loads again (after a write). */
export function useLoad<T>(loader: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setError(undefined);
    loader().then(
      (value) => current && setData(value),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, reload };
}

/** The server's sentence for a refused call (its error_description), or the failure itself. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error instanceof MxError ? error.message : String(error);
  return <Alert variant="danger" isInline title={t("mxRefused")} data-testid="mx-error">{text}</Alert>;
}

export function SuccessAlert({ message }: { message?: string }) {
  if (!message) return null;
  return <Alert variant="success" isInline title={message} data-testid="mx-done" />;
}

/** The message the server gave for one form field, shown under that field. */
export function FieldProblem({ error, field }: { error: unknown; field: string }) {
  const message = error instanceof MxError ? error.problemFor(field) : undefined;
  if (!message) return null;
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
