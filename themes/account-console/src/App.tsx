import { Header } from "@keycloak/keycloak-account-ui";
import { Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { WorkspaceNav } from "./components/WorkspaceNav";

/**
 * Keycloak's account console frame (its header, and the menu of resources/content.json of this
 * theme narrowed to the workspace pages the person may use: WorkspaceNav) around every page:
 * Keycloak's own pages and the workspace pages alike.
 */
export function App() {
  return (
    <Page className="mx-account" header={<Header />} sidebar={<WorkspaceNav />} isManagedSidebar>
      <Suspense fallback={<Spinner />}>
        <Outlet />
      </Suspense>
    </Page>
  );
}
