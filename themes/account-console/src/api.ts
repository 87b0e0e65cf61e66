import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "./types";

/**
 * One problem of a refused request, on the request's field (JSON field or query parameter):
 * the server's English message and, where the server has one, the message key and its
 * parameters (shown in the person's language, see components/common's useServerText). The
 * server's one problem type, kernel/Problems.Problem (generated; source, line and column only for
 * a role-template file's problem).
 */
export type Problem = Schemas["Problem"];

/**
 * A refused /mx call, read from the one error body: error, error_description, problems, and the
 * key, params and unchanged of the refusal (providers' kernel/Problems and kernel/ProblemKeys).
 */
export class MxError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly problems: Problem[],
    readonly key?: string,
    readonly params: string[] = [],
    /** The server said "Nothing was changed." (a refused write). */
    readonly unchanged = false,
    /** The request's method: a refused read does not say "Nothing was changed.". */
    readonly method = "GET",
  ) {
    super(message);
  }

  /** The message for one field of the form, if the server named that field. */
  problemFor(field: string): string | undefined {
    return this.fieldProblem(field)?.message;
  }

  /** The whole problem of one field of the form, if the server named that field. */
  fieldProblem(field: string): Problem | undefined {
    return this.problems.find((problem) => problem.field === field);
  }
}

/**
 * The text of a server message in the page's language: the key's text with {0}, {1} … filled
 * with the parameters (a parameter that is a state, e.g. "expired", in its own words), or the
 * server's English text where the key is unknown to the theme (or the server sent none).
 */
export function messageText(
  key: string | undefined,
  params: string[] | undefined,
  english: string,
  translate: (key: string) => string | undefined,
): string {
  const template = key ? translate(key) : undefined;
  if (!template) return english;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = params?.[Number(index)];
    if (value === undefined) return whole;
    return translate(`mxStatus-${value}`) ?? value;
  });
}

/** The problems of a 400: {field, message, key, params} each, as providers' kernel/Problems writes them. */
export function readProblems(body: Record<string, unknown>): Problem[] {
  if (!Array.isArray(body.problems)) return [];
  return body.problems.map((entry: { field?: unknown; message?: unknown; key?: unknown; params?: unknown }) => ({
    field: String(entry.field ?? ""),
    message: String(entry.message ?? ""),
    key: typeof entry.key === "string" ? entry.key : undefined,
    params: Array.isArray(entry.params) ? entry.params.map(String) : undefined,
  }));
}

/**
 * The bundle's REST API (/realms/{realm}/mx), called with the signed-in person's token. A file is
 * asked for with the page's language as Accept-Language: what the server writes in words itself
 * (the access report's CSV) is then in the language of the page that asked for it.
 */
export class Mx {
  constructor(
    readonly base: string,
    private readonly token: () => Promise<string | undefined>,
    private readonly language: () => string | undefined = () => undefined,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>("GET", path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("POST", path, body ?? {});
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>("PUT", path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>("DELETE", path);
  }

  /** POSTs a text document (a CSV file) as it is, and reads the JSON answer. */
  async postText<T>(path: string, text: string, contentType = "text/csv"): Promise<T> {
    const response = await this.fetch("POST", path, text, "application/json", contentType);
    const answer = await response.text();
    return (answer ? JSON.parse(answer) : undefined) as T;
  }

  /** Fetches a CSV (or any file) and hands it to the browser as a download. */
  async download(path: string, filename: string, accept = "text/csv"): Promise<void> {
    const file = await this.file(path, accept);
    saveFile(file.text, filename, file.type);
  }

  /** A file the API answers: its text, type, and the name its Content-Disposition gives. */
  async file(path: string, accept: string): Promise<{ text: string; type: string; filename?: string }> {
    const response = await this.fetch("GET", path, undefined, accept, undefined, this.language());
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const named = /filename="([^"]+)"/.exec(disposition);
    return { text: await response.text(), type: response.headers.get("Content-Type") ?? accept, filename: named?.[1] };
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetch(method, path, body, "application/json");
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async fetch(method: string, path: string, body: unknown, accept: string, contentType = "application/json",
    language?: string): Promise<Response> {
    const token = await this.token();
    const json = contentType === "application/json";
    const response = await fetch(this.base + path, {
      method,
      headers: {
        Accept: accept,
        ...(language ? { "Accept-Language": language } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "Content-Type": contentType }),
      },
      body: body === undefined ? undefined : json ? JSON.stringify(body) : String(body),
    });
    if (!response.ok) {
      let error: Record<string, unknown> = {};
      try {
        error = await response.json();
      } catch {
        // Not JSON (a proxy's page): the status alone explains it.
      }
      throw new MxError(
        response.status,
        String(error.error ?? response.status),
        String(error.error_description ?? response.statusText),
        readProblems(error),
        typeof error.key === "string" ? error.key : undefined,
        Array.isArray(error.params) ? error.params.map(String) : [],
        error.unchanged === true,
        method,
      );
    }
    return response;
  }
}

/** Hands text to the browser as a download of the given name. */
export function saveFile(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked later, not at once: the browser may still be reading the blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The API client of the signed-in person; refreshes the token before each call. */
export function useMx(): Mx {
  const { environment, keycloak } = useEnvironment();
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      new Mx(`${environment.serverBaseUrl}/realms/${environment.realm}/mx`, async () => {
        await keycloak.updateToken(10);
        return keycloak.token;
      }, () => i18n.language),
    [environment, keycloak, i18n],
  );
}

/** A query string of the given parameters, leaving out empty ones. */
export function query(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== "") search.set(name, String(value));
  });
  const text = search.toString();
  return text ? `?${text}` : "";
}
