import { routes as keycloakRoutes } from "@keycloak/keycloak-account-ui";
import type { RouteObject } from "react-router-dom";
import { App } from "./App";
import { environment } from "./environment";
import { paths } from "./paths";
import { InvitationsPage } from "./pages/InvitationsPage";
import { PeoplePage } from "./pages/PeoplePage";
import { PersonPage } from "./pages/PersonPage";
import { AuthorizationsPage } from "./pages/AuthorizationsPage";
import { CompliancePage } from "./pages/CompliancePage";
import { AccountSettingsPage } from "./pages/AccountSettingsPage";
import { AccessReviewPage } from "./pages/AccessReviewPage";
import { MyAuthorizationsPage } from "./pages/MyAuthorizationsPage";
import { SignoffsPage } from "./pages/SignoffsPage";
import { ProvisioningPage } from "./pages/ProvisioningPage";
import { ApprovalsPage } from "./pages/ApprovalsPage";
import { ReviewsPage } from "./pages/ReviewsPage";
import { ReviewPage } from "./pages/ReviewPage";
import { ErrorPage } from "./pages/ErrorPage";

const workspaceRoutes: RouteObject[] = [
  { path: paths.people, element: <PeoplePage /> },
  { path: paths.invitations, element: <InvitationsPage /> },
  { path: "mx/people/:userId", element: <PersonPage /> },
  { path: "mx/people/:userId/authorizations", element: <AuthorizationsPage /> },
  { path: paths.compliance, element: <CompliancePage /> },
  { path: paths.accountSettings, element: <AccountSettingsPage /> },
  { path: paths.accessReview, element: <AccessReviewPage /> },
  { path: paths.signoffs, element: <SignoffsPage /> },
  { path: paths.approvals, element: <ApprovalsPage /> },
  { path: paths.reviews, element: <ReviewsPage /> },
  { path: "mx/reviews/:reviewId", element: <ReviewPage /> },
  { path: paths.myAuthorizations, element: <MyAuthorizationsPage /> },
  { path: paths.provisioning, element: <ProvisioningPage /> }, // t26-scim
  // A path that names no page: said inside the frame, with the menu to go on from.
  { path: "*", element: <ErrorPage notFound /> },
];

export const routes: RouteObject[] = [
  {
    path: decodeURIComponent(new URL(environment.baseUrl).pathname),
    element: <App />,
    // The frame itself failing: the error page alone.
    errorElement: <ErrorPage />,
    // A page that fails: the error page inside the frame, header and menu still there.
    children: [{ errorElement: <ErrorPage />, children: [...keycloakRoutes, ...workspaceRoutes] }],
  },
];
