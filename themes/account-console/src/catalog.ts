import { parse } from "yaml";
// The same file the providers jar bundles (realm-config/authorization-types.yaml), read at build
// time: /mx has no read endpoint for the authorization catalog yet (docs/workspace.md, limits).
import catalogText from "../../../realm-config/authorization-types.yaml?raw";

export type AuthorizationType = {
  id: string;
  name: string;
  requiresLicence: boolean;
  licenceCategories: string[];
};

type CatalogFile = {
  types: Record<string, Omit<AuthorizationType, "id">>;
  licenceCategories: string[];
  aircraftTypes: string[];
  aircraftGroups: Record<string, string[]>;
  taskCategories: string[];
};

const file = parse(catalogText) as CatalogFile;

export const authorizationCatalog = {
  types: Object.entries(file.types).map(([id, type]) => ({ id, ...type })) as AuthorizationType[],
  aircraftGroups: Object.keys(file.aircraftGroups ?? {}),
  aircraftTypes: file.aircraftTypes ?? [],
  taskCategories: file.taskCategories ?? [],
};
