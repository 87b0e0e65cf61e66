import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

/** What the account console page (index.ftl) injects: server, realm, locale, features. */
export const environment = getInjectedEnvironment<AccountEnvironment>();
