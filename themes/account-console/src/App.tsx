import { Header, PageNav } from "@keycloak/keycloak-account-ui";
import { Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";

/**
 * Keycloak's account console frame (its header and its menu, which reads resources/content.json
 * of this theme) around every page: Keycloak's own pages and the workspace pages alike.
 */
export function App() {
  return (
    <Page className="mx-account" header={<Header />} sidebar={<PageNav />} isManagedSidebar>
      <Suspense fallback={<Spinner />}>
        <Outlet />
      </Suspense>
    </Page>
  );
}
