import { createInstance, type LanguageDetectorModule } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";

type KeyValue = { key: string; value: string };

/** The locale Keycloak chose for this page (user preference, ui_locales, browser). */
const keycloakLocale: LanguageDetectorModule = {
  type: "languageDetector",
  detect: () => environment.locale,
};

/**
 * Messages come from the theme's messages_*.properties (ours, then keycloak.v3's) through
 * Keycloak's account messages endpoint, so the workspace pages and Keycloak's own pages share
 * one translation source.
 */
export const i18n = createInstance({
  fallbackLng: "en",
  // Keys are flat (properties files): "mxError.required" is one key, not a path.
  keySeparator: false,
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data: string) => {
      const result: Record<string, string> = {};
      (JSON.parse(data) as KeyValue[]).forEach(({ key, value }) => (result[key] = value));
      return result;
    },
  },
});

i18n.use(FetchBackend);
i18n.use(keycloakLocale);
i18n.use(initReactI18next);
