import { useMx } from "./api";
import { useLoad } from "./components/common";

import type { Schemas } from "./types";

/** One type of the catalog (the server's AuthorizationCatalogResource.AuthorizationTypeAnswer). */
export type AuthorizationType = Schemas["AuthorizationTypeAnswer"];

/** GET /mx/authorizations/catalog: the catalog the server validates against (bundled or configured). */
type CatalogAnswer = Schemas["AuthorizationCatalogAnswer"];

export type AuthorizationCatalog = {
  types: AuthorizationType[];
  aircraftGroups: string[];
  aircraftTypes: string[];
  taskCategories: string[];
};

const EMPTY: AuthorizationCatalog = { types: [], aircraftGroups: [], aircraftTypes: [], taskCategories: [] };

/** The server's personnel-authorization catalog for the form's choices (empty until it has loaded). */
export function useAuthorizationCatalog(): { catalog: AuthorizationCatalog; error: unknown } {
  const mx = useMx();
  const answer = useLoad(() => mx.get<CatalogAnswer>("/authorizations/catalog"), []);
  const data = answer.data;
  return {
    catalog: data
      ? { types: data.types, aircraftGroups: Object.keys(data.aircraftGroups ?? {}), aircraftTypes: data.aircraftTypes, taskCategories: data.taskCategories }
      : EMPTY,
    error: answer.error,
  };
}
