import { useMx } from "./api";
import { useLoad } from "./components/common";

export type AuthorizationType = {
  id: string;
  name: string;
  requiresLicence: boolean;
  licenceCategories: string[];
  requiresRecency: boolean;
};

/** GET /mx/authorizations/catalog: the catalog the server validates against (bundled or configured). */
type CatalogAnswer = {
  types: AuthorizationType[];
  licenceCategories: string[];
  aircraftTypes: string[];
  aircraftGroups: Record<string, string[]>;
  taskCategories: string[];
};

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
