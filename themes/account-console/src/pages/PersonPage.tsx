import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  TextArea,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { MxError, query, useMx } from "../api";
import { Checks } from "../components/Checks";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useConsolePath, useLoad, useTime } from "../components/common";
import { paths } from "../paths";
import type { HistoryEntry, CatalogPage, Explanation, Invitation, SetupReview } from "../types";
import { StatusLabel } from "./InvitationsPage";

/** One person: setup review, invitation and its history, "why can't they see …", deactivation. */
export function PersonPage() {
  const { userId = "" } = useParams();
  const { t } = useTranslation();
  const mx = useMx();
  const consolePath = useConsolePath();
  const review = useLoad(() => mx.get<SetupReview>(`/users/${encodeURIComponent(userId)}/review`), [userId]);
  const username = review.data?.username ?? userId;

  return (
    <Page title={username} description={t("mxPersonDescription")}>
      <ErrorAlert error={review.error} />
      <Link to={consolePath(paths.authorizations(userId))} data-testid="authorizations-link">
        {t("mxPersonnelAuthorizations")}
      </Link>
      <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-md">
        <Title headingLevel="h2" size="lg">
          {t("mxSetupReview")}{" "}
          {review.data && (
            <Label color={review.data.complete ? "green" : "orange"} data-testid="review-complete">
              {review.data.complete ? t("mxComplete") : t("mxIncomplete")}
            </Label>
          )}
        </Title>
        {review.data && (
          <>
            <p data-testid="roles">{t("mxRoles")}: {review.data.roles.join(", ") || "—"}</p>
            <Checks checks={review.data.checks} testId="setup-review" />
          </>
        )}
      </PageSection>
      <InvitationSection userId={userId} />
      <ExplainSection userId={userId} />
      <AccessSection userId={userId} onChange={review.reload} />
    </Page>
  );
}

/** History entries are stored lines ("<instant> sent by=<id> to=…"); objects are shown as their fields. */
function historyLine(entry: HistoryEntry): string {
  return typeof entry === "string"
    ? entry
    : Object.entries(entry)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(" ");
}

function InvitationSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const invitation = useLoad(
    () =>
      mx.get<Invitation>(`/invitations/${encodeURIComponent(userId)}`).catch((error) => {
        if (error instanceof MxError && error.status === 404) return undefined;
        throw error;
      }),
    [userId],
  );
  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg" data-testid="invitation">
      <Title headingLevel="h2" size="lg">{t("mxInvitation")}</Title>
      <ErrorAlert error={invitation.error} />
      {invitation.data ? (
        <>
          <p>
            <StatusLabel status={invitation.data.status} /> {invitation.data.email} · {t("mxExpires")}{" "}
            {time(invitation.data.expiresAt)}
          </p>
          <ul data-testid="invitation-history">
            {(invitation.data.history ?? []).map((entry, index) => (
              <li key={index}>{historyLine(entry)}</li>
            ))}
          </ul>
        </>
      ) : (
        !invitation.error && <p>{t("mxNoInvitation")}</p>
      )}
    </PageSection>
  );
}

function ExplainSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const mx = useMx();
  const pages = useLoad(() => mx.get<CatalogPage[]>("/access/pages"), []);
  const [page, setPage] = useState("");
  const [explanation, setExplanation] = useState<Explanation>();
  const [error, setError] = useState<unknown>();

  const explain = async () => {
    setError(undefined);
    try {
      setExplanation(await mx.get<Explanation>(`/access/explain${query({ user: userId, page })}`));
    } catch (failure) {
      setExplanation(undefined);
      setError(failure);
    }
  };

  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
      <Title headingLevel="h2" size="lg">{t("mxWhyCantTheySee")}</Title>
      <Form isHorizontal onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("mxAppPage")} fieldId="explain-page">
          <FormSelect id="explain-page" data-testid="explain-page" value={page} onChange={(_, value) => setPage(value)}>
            <FormSelectOption value="" label={t("mxChoosePage")} isPlaceholder />
            {pages.data?.map((option) => (
              <FormSelectOption key={option.id} value={option.id} label={`${option.description} (${option.id})`} />
            ))}
          </FormSelect>
          <FieldProblem error={error} field="page" />
        </FormGroup>
        <Button variant="primary" data-testid="explain" isDisabled={!page} onClick={explain}>{t("mxExplain")}</Button>
      </Form>
      <ErrorAlert error={pages.error ?? error} />
      {explanation && (
        <>
          <p className="pf-v5-u-mt-md" data-testid="explain-answer" data-allowed={explanation.allowed}>
            {explanation.allowed ? t("mxCanSee") : t("mxCannotSee")} ({explanation.permission})
          </p>
          <Checks checks={explanation.checks} testId="explain-checks" />
        </>
      )}
    </PageSection>
  );
}

function AccessSection({ userId, onChange }: { userId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const mx = useMx();
  const [reason, setReason] = useState("");
  const action = useAction(onChange);
  const path = `/users/${encodeURIComponent(userId)}`;
  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
      <Title headingLevel="h2" size="lg">{t("mxDeactivation")}</Title>
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("mxReason")} fieldId="access-reason" isRequired>
          <TextArea id="access-reason" data-testid="access-reason" value={reason} onChange={(_, value) => setReason(value)} />
          <FieldProblem error={action.error} field="reason" />
        </FormGroup>
        <div>
          <Button
            variant="danger"
            data-testid="deactivate"
            onClick={() => action.run(() => mx.post(`${path}/deactivate`, { reason }), t("mxDeactivated"))}
          >
            {t("mxDeactivate")}
          </Button>{" "}
          <Button
            variant="secondary"
            data-testid="reactivate"
            onClick={() => action.run(() => mx.post(`${path}/reactivate`, { reason }), t("mxReactivated"))}
          >
            {t("mxReactivate")}
          </Button>
        </div>
      </Form>
      <ErrorAlert error={action.error} />
      <SuccessAlert message={action.done} />
    </PageSection>
  );
}
