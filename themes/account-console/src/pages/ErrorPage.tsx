import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
  PageSection,
} from "@patternfly/react-core";
import { ExclamationCircleIcon } from "@patternfly/react-icons";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router-dom";
import { environment } from "../environment";

/**
 * What the router shows where a page cannot be shown: a path that names no page (notFound, the
 * console's catch-all route), or a page that failed (the router's error element). In the person's language, without the failure's own text (that goes to the browser's
 * console, for whoever investigates), with the way back to the console's start and, for a failure,
 * a second try.
 */
export function ErrorPage(props: { notFound?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = props.notFound === true || (isRouteErrorResponse(error) && error.status === 404);
  useEffect(() => {
    if (!notFound) console.error("The page failed:", error);
  }, [error, notFound]);
  return (
    <PageSection variant="light" data-testid="error-page" data-kind={notFound ? "not-found" : "failed"}>
      <EmptyState>
        <EmptyStateHeader
          titleText={t(notFound ? "mxErrorPage.notFound" : "mxErrorPage.failed")}
          headingLevel="h1"
          icon={<EmptyStateIcon icon={ExclamationCircleIcon} />}
        />
        <EmptyStateBody>{t(notFound ? "mxErrorPage.notFoundText" : "mxErrorPage.failedText")}</EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            {/* A new page load, not the router: whatever failed starts afresh. */}
            <Button component="a" href={new URL(environment.baseUrl).pathname} data-testid="error-page-back">
              {t("mxErrorPage.back")}
            </Button>
            {!notFound && (
              <Button variant="link" data-testid="error-page-retry" onClick={() => window.location.reload()}>
                {t("mxErrorPage.retry")}
              </Button>
            )}
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}
