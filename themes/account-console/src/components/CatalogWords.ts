import { useTranslation } from "react-i18next";
import { type Mx, useMx } from "../api";
import type { AccessCatalog, CatalogPage } from "../types";
import { useLoad } from "./common";

/** The catalog of each realm's API, asked once per load of the console: it changes only when an operator applies a new one. */
const asked = new Map<string, Promise<AccessCatalog>>();

function catalogOf(mx: Mx): Promise<AccessCatalog> {
  let answer = asked.get(mx.base);
  if (!answer) {
    answer = mx.get<AccessCatalog>("/access/catalog");
    // A refusal is not kept: the next page asks again.
    answer.catch(() => asked.delete(mx.base));
    asked.set(mx.base, answer);
  }
  return answer;
}

/** A description in the page's language: the catalog's words for it (by language, then by the language without its region), else its English. */
function pick(description: string, descriptions: Record<string, string> | undefined, language: string): string {
  return descriptions?.[language] ?? descriptions?.[language.split("-")[0]] ?? description;
}

export type CatalogWords = {
  /** The catalog (GET /mx/access/catalog) once it has loaded. */
  catalog?: AccessCatalog;
  error: unknown;
  /** A page or action of the maintenance app by its description ("Certificate of release to service", "Freigabebescheinigung (CRS)"). */
  page: (page: CatalogPage | string) => string;
  /** A permission: "“Signoffs: release”", "„Abzeichnungen: freigeben“" (area, then action); an unknown one as named. */
  permission: (permission: string) => string;
  /** An area of the catalog by its description. */
  area: (area: string) => string;
  /** An account feature by the description of its module ("Planning", "Planung"). */
  feature: (feature: string) => string;
};

/**
 * The access catalog's names in the page's language (issue 24): pages, permissions, areas and account
 * features have their words in the catalog (realm-config/access-catalog.yaml: description, and
 * descriptions by language; actionDescriptions), served by GET /mx/access/catalog. While it loads, or
 * for a name it does not have, the name is shown as it is.
 */
export function useCatalogWords(): CatalogWords {
  const { t, i18n } = useTranslation();
  const mx = useMx();
  const answer = useLoad(() => catalogOf(mx), [mx]);
  const catalog = answer.data;
  const language = i18n.language;
  const areas = (catalog?.modules ?? []).flatMap((module) => module.areas);
  const area = (id: string) => {
    const found = areas.find((candidate) => candidate.id === id);
    return found ? pick(found.description, found.descriptions, language) : id;
  };
  return {
    catalog,
    error: answer.error,
    page: (page) => {
      const found = typeof page === "string" ? catalog?.pages.find((candidate) => candidate.id === page) : page;
      return found ? pick(found.description, found.descriptions, language) : String(page);
    },
    permission: (permission) => {
      const colon = permission.indexOf(":");
      const areaId = permission.substring(0, colon);
      if (colon <= 0 || !areas.some((candidate) => candidate.id === areaId)) return permission;
      const action = permission.substring(colon + 1);
      const words = catalog?.actionDescriptions[action];
      return t("mxPermissionWords", { area: area(areaId), action: words ? pick(words.en ?? action, words, language) : action });
    },
    area,
    feature: (feature) => {
      const found = catalog?.modules.find((module) => module.feature === feature);
      return found ? pick(found.description, found.descriptions, language) : feature;
    },
  };
}
