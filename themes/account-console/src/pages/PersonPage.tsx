import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Checkbox,
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
import { Link, useNavigate, useParams } from "react-router-dom";
import { MxError, query, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { Checks } from "../components/Checks";
import { ConfirmButton } from "../components/ConfirmButton";
import { ErrorAlert, FieldProblem, personName, SuccessAlert, useAction, useConsolePath, useLoad, useTime } from "../components/common";
import { StatusLabel } from "../components/StatusLabel";
import { paths } from "../paths";
import type { AccountPerson, Explanation, GrantableTemplate, HistoryItem, Invitation, SetupReview } from "../types";
import { useCatalogWords } from "../components/CatalogWords";
import { useTemplateDescription, useTemplateName } from "../components/TemplateWords";

/**
 * One person: their membership of the chosen account (role templates, account roles, removal), setup
 * review, invitation, their history (who did what, when), "why can't they see …" (asked again after
 * every change), deactivation.
 */
export function PersonPage() {
  const { userId = "" } = useParams();
  const { t } = useTranslation();
  const mx = useMx();
  const consolePath = useConsolePath();
  const { account, accountName, switcher, error: meError } = useAccount();
  const time = useTime();
  const templateName = useTemplateName();
  const review = useLoad(() => mx.get<SetupReview>(`/users/${encodeURIComponent(userId)}/review`), [userId]);
  // Somebody invited to join this account who has not accepted yet exists only as the account's
  // pending person (the people API); the per-user sections come once they have joined.
  const inAccount = useLoad(
    () => (account ? mx.get<AccountPerson>(`/accounts/${encodeURIComponent(account)}/people/${encodeURIComponent(userId)}`)
      .catch(() => undefined) : Promise.resolve(undefined)),
    [account, userId],
  );
  const pendingJoiner = review.error instanceof MxError && review.error.status === 404 && Boolean(inAccount.data);
  // Titled with the person's name (their username where none was given); never with an id.
  const named = review.data ?? inAccount.data;
  const title = review.data ? review.data.name || review.data.username
    : inAccount.data ? personName(inAccount.data) : "";
  const deactivation = review.data?.deactivation;
  // Every change on this page: the review reloads, the history reloads, a chosen explain asks again.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    review.reload();
    inAccount.reload();
    setChanges((n) => n + 1);
  };
  // The history in the account chosen when the person is its member (else as the review: the server decides).
  const historyAccount = inAccount.data ? account : undefined;

  if (pendingJoiner) {
    return (
      <Page title={title} description={t("mxPersonDescription")}>
        <div className="pf-v5-u-mb-md">{switcher}</div>
        <p data-testid="person-state" data-state="invited"><Label color="blue">{t("mxStatus-pending")}</Label> {t("mxPendingJoiner")}</p>
        <MembershipSection account={account} accountName={accountName} userId={userId} onChange={changed} />
      </Page>
    );
  }

  return (
    <Page title={named ? title : ""} description={t("mxPersonDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError ?? review.error} />
      {review.data && (
        <p className="pf-v5-u-mb-md" data-testid="person-state" data-state={deactivation ? "deactivated" : review.data.enabled ? "enabled" : "disabled"}>
          {deactivation ? (
            <>
              <Label color="red">{t("mxStateDeactivated")}</Label>{" "}
              {t("mxDeactivatedOnBy", { at: time(deactivation.at ?? undefined), by: deactivation.by ?? "—" })}{" "}
              <span data-testid="deactivation-reason">{t("mxDeactivatedReason", { reason: deactivation.reason ?? "—" })}</span>
            </>
          ) : review.data.enabled ? (
            <Label color="green">{t("mxStateCanLogIn")}</Label>
          ) : (
            <Label color="orange">{t("mxStateDisabled")}</Label>
          )}
        </p>
      )}
      <Link to={consolePath(paths.authorizations(userId, account || undefined))} data-testid="authorizations-link">
        {t("mxPersonnelAuthorizations")}
      </Link>
      {account && <MembershipSection account={account} accountName={accountName} userId={userId} onChange={changed} />}
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
            <p data-testid="roles">{t("mxRoles")}: {review.data.roles.map(templateName).join(", ") || "—"}</p>
            <Checks checks={review.data.checks} testId="setup-review" />
          </>
        )}
      </PageSection>
      <InvitationSection userId={userId} changes={changes} />
      <HistorySection userId={userId} account={historyAccount} changes={changes} />
      <ExplainSection userId={userId} changes={changes} />
      {review.data && (
        <AccessSection userId={userId} name={title} deactivated={Boolean(deactivation)} onChange={changed} />
      )}
    </Page>
  );
}

/** The sentence of each history event (GET /mx/users/{id}/history): "{{actor}} …" in the reader's language. */
const HISTORY_EVENTS: Record<string, string> = {
  added: "mxHistory-added",
  joined: "mxHistory-joined",
  removed: "mxHistory-removed",
  templates: "mxHistory-templates",
  "account-roles": "mxHistory-account-roles",
  "invitation-sent": "mxHistory-invitation-sent",
  "invitation-resent": "mxHistory-invitation-resent",
  "invitation-revoked": "mxHistory-invitation-revoked",
  "invitation-address-changed": "mxHistory-invitation-address-changed",
  "invitation-accepted": "mxHistory-invitation-accepted",
  "invitation-expired": "mxHistory-invitation-expired",
  "invitation-changed": "mxHistory-invitation-changed",
  deactivated: "mxHistory-deactivated",
  reactivated: "mxHistory-reactivated",
  "authorization-grant": "mxHistory-authorization-grant",
  "authorization-suspend": "mxHistory-authorization-suspend",
  "authorization-reinstate": "mxHistory-authorization-reinstate",
  "authorization-revoke": "mxHistory-authorization-revoke",
  "authorization-remove": "mxHistory-authorization-remove",
  "authorization-correct": "mxHistory-authorization-correct",
  "authorization-changed": "mxHistory-authorization-changed",
  "console-create": "mxHistory-console-create",
  "console-update": "mxHistory-console-update",
  "console-delete": "mxHistory-console-delete",
  "console-action": "mxHistory-console-update",
};

/** Who did what to the person, when: by name, in the reader's language, date and time zone; newest first. */
function HistorySection({ userId, account, changes }: { userId: string; account?: string; changes: number }) {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const history = useLoad(
    () => mx.get<HistoryItem[]>(`/users/${encodeURIComponent(userId)}/history${query({ account })}`),
    [userId, account, changes],
  );
  const entries = (history.data ?? []).filter((entry) => HISTORY_EVENTS[entry.event]);
  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg" data-testid="history">
      <Title headingLevel="h2" size="lg">{t("mxHistory")}</Title>
      <ErrorAlert error={history.error} />
      {history.data && entries.length === 0 && <p>{t("mxHistoryEmpty")}</p>}
      <ul data-testid="person-history">
        {entries.map((entry, index) => (
          <li key={index} data-testid="history-entry" data-event={entry.event}>
            <time dateTime={entry.at}>{time(entry.at)}</time>{": "}
            {t(HISTORY_EVENTS[entry.event], {
              actor: entry.actor ?? (entry.actorOutsideRealm ? t("mxHistoryServerAdministrator") : t("mxHistorySomeone")),
            })}
            {entry.reason && <> — {t("mxHistoryReason", { reason: entry.reason })}</>}
          </li>
        ))}
      </ul>
    </PageSection>
  );
}

function InvitationSection({ userId, changes }: { userId: string; changes: number }) {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const invitation = useLoad(
    () =>
      mx.get<Invitation>(`/invitations/${encodeURIComponent(userId)}`).catch((error) => {
        if (error instanceof MxError && error.status === 404) return undefined;
        throw error;
      }),
    [userId, changes],
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
        </>
      ) : (
        !invitation.error && <p>{t("mxNoInvitation")}</p>
      )}
    </PageSection>
  );
}

/**
 * "Why can't they see …": a page of the maintenance app chosen by its description in the page's
 * language (the access catalog's words; never its id), asked of the server, answered with the checks.
 */
function ExplainSection({ userId, changes }: { userId: string; changes: number }) {
  const { t } = useTranslation();
  const mx = useMx();
  const words = useCatalogWords();
  const pages = words.catalog?.pages;
  const [page, setPage] = useState("");
  // The page asked about: a new object per click, so that asking again asks the server again. After
  // every change on the page the answer shown is asked again: never an answer from before the change.
  const [asked, setAsked] = useState<{ page: string }>();
  const answer = useLoad(
    () => (asked ? mx.get<Explanation>(`/access/explain${query({ user: userId, page: asked.page })}`) : Promise.resolve(undefined)),
    [userId, asked, changes],
  );
  const error = answer.error;
  const explanation = error ? undefined : answer.data;

  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
      <Title headingLevel="h2" size="lg">{t("mxWhyCantTheySee")}</Title>
      <Form isHorizontal onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("mxAppPage")} fieldId="explain-page">
          <FormSelect id="explain-page" data-testid="explain-page" value={page} onChange={(_, value) => setPage(value)}>
            <FormSelectOption value="" label={t("mxChoosePage")} isPlaceholder />
            {pages?.map((option) => (
              <FormSelectOption key={option.id} value={option.id} label={words.page(option)} />
            ))}
          </FormSelect>
          <FieldProblem error={error} field="page" />
        </FormGroup>
        <Button variant="primary" data-testid="explain" isDisabled={!page} onClick={() => setAsked({ page })}>{t("mxExplain")}</Button>
      </Form>
      <ErrorAlert error={words.error ?? error} />
      {explanation && (
        <>
          <p className="pf-v5-u-mt-md" data-testid="explain-answer" data-allowed={explanation.allowed}>
            <strong data-testid="explained-page">{words.page(explanation.page)}</strong>:{" "}
            {explanation.allowed ? t("mxCanSee") : t("mxCannotSee")}
          </p>
          <Checks checks={explanation.checks} testId="explain-checks" />
        </>
      )}
    </PageSection>
  );
}

/** Deactivate (when the person can log in) or reactivate (when deactivated): only the action that applies. */
function AccessSection({ userId, name, deactivated, onChange }: { userId: string; name: string; deactivated: boolean; onChange: () => void }) {
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
          {deactivated ? (
            <Button
              variant="secondary"
              data-testid="reactivate"
              onClick={() => action.run(() => mx.post(`${path}/reactivate`, { reason }), t("mxReactivated"))}
            >
              {t("mxReactivate")}
            </Button>
          ) : (
            <ConfirmButton testId="deactivate" label={t("mxDeactivate")} question={t("mxConfirmDeactivate", { name })}
              onConfirm={() => action.run(() => mx.post(`${path}/deactivate`, { reason }), t("mxDeactivated"))} />
          )}
        </div>
      </Form>
      <ErrorAlert error={action.error} />
      <SuccessAlert message={action.done} />
    </PageSection>
  );
}

/**
 * The person in this account (GET /mx/accounts/{account}/people/{userId}): role templates and account
 * roles to change, and removal from the account. Somebody who is not a member is "not found" here,
 * as the API answers (a person of another account does not exist for this caller).
 */
function MembershipSection({ account, accountName, userId, onChange }: {
  account: string; accountName: string; userId: string; onChange: () => void;
}) {
  const { t } = useTranslation();
  const mx = useMx();
  const navigate = useNavigate();
  const consolePath = useConsolePath();
  const base = `/accounts/${encodeURIComponent(account)}/people`;
  const person = useLoad(() => mx.get<AccountPerson>(`${base}/${encodeURIComponent(userId)}`), [account, userId]);
  const grantable = useLoad(() => mx.get<GrantableTemplate[]>(`/accounts/${encodeURIComponent(account)}/grantable-templates`), [account]);
  const reload = () => {
    person.reload();
    onChange();
  };
  const action = useAction(reload);
  const [templates, setTemplates] = useState<string[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  // The checkboxes start from each answer (the first, and after every save), copied in the render that brings it.
  const [shown, setShown] = useState<AccountPerson>();
  if (person.data !== shown) {
    setShown(person.data);
    setTemplates(person.data?.templates ?? []);
    setRoles(person.data?.accountRoles ?? []);
  }
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));
  const remove = async () => {
    const removed = await action.run(() => mx.delete(`${base}/${encodeURIComponent(userId)}`), t("mxRemovedFromAccount"));
    if (removed) navigate(`${consolePath(paths.people)}?account=${encodeURIComponent(account)}`);
  };
  const notFound = person.error instanceof MxError && person.error.status === 404;
  // A reader of the account (auditor, compliance officer) is refused the templates to grant: the
  // server decides; the section then shows what the person holds, without forms only to be refused.
  const readsOnly = grantable.error instanceof MxError && grantable.error.status === 403;
  const describe = useTemplateDescription();
  const templateName = useTemplateName();

  return (
    <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-md" data-testid="membership">
      <Title headingLevel="h2" size="lg">{t("mxMembership", { account: accountName || account })}</Title>
      {notFound ? <p data-testid="not-a-member">{t("mxNotAMember")}</p> : <ErrorAlert error={person.error ?? (readsOnly ? undefined : grantable.error)} />}
      {person.data && readsOnly && (
        <dl data-testid="membership-read">
          <dt>{t("mxEmail")}</dt>
          <dd data-testid="person-email">{[person.data.firstName, person.data.lastName].filter(Boolean).join(" ")} · {person.data.email}</dd>
          <dt>{t("mxRoles")}</dt>
          <dd data-testid="person-templates">{person.data.templates.length ? person.data.templates.map(templateName).join(", ") : "—"}</dd>
          <dt>{t("mxAccountRoles")}</dt>
          <dd data-testid="person-account-roles">
            {person.data.accountRoles.length ? person.data.accountRoles.map((role) => t(`mxAccountRole-${role}`)).join(", ") : "—"}
          </dd>
        </dl>
      )}
      {person.data && !readsOnly && (
        <Form onSubmit={(event) => event.preventDefault()}>
          <p data-testid="person-email">{[person.data.firstName, person.data.lastName].filter(Boolean).join(" ")} · {person.data.email}</p>
          <FormGroup label={t("mxRoles")} fieldId="person-templates" role="group">
            {(grantable.data ?? []).map((template) => (
              <Checkbox key={template.name} id={`person-template-${template.name}`} data-testid={`person-template-${template.name}`}
                isChecked={templates.includes(template.name)} onChange={(_, on) => setTemplates(toggle(templates, template.name, on))}
                label={<><strong>{templateName(template.name)}</strong> {template.privileged && <Label color="red">{t("mxPrivileged")}</Label>}{" "}
                  {template.readOnly && <Label>{t("mxReadOnly")}</Label>} {describe(template)}</>} />
            ))}
            <FieldProblem error={action.error} field="templates" />
            <Button variant="secondary" data-testid="save-templates" className="pf-v5-u-mt-sm"
              onClick={() => action.run(() => mx.put(`${base}/${encodeURIComponent(userId)}/templates`, { templates }), t("mxTemplatesSaved"))}>
              {t("mxSaveTemplates")}
            </Button>
          </FormGroup>
          <FormGroup label={t("mxAccountRoles")} fieldId="person-account-roles" role="group">
            {ACCOUNT_ROLES.map((role) => (
              <Checkbox key={role} id={`person-role-${role}`} data-testid={`person-role-${role}`} label={t(`mxAccountRole-${role}`)}
                isChecked={roles.includes(role)} onChange={(_, on) => setRoles(toggle(roles, role, on))} />
            ))}
            <FieldProblem error={action.error} field="roles" />
            <Button variant="secondary" data-testid="save-account-roles" className="pf-v5-u-mt-sm"
              onClick={() => action.run(() => mx.put<{ pendingApprovals?: unknown[] }>(`${base}/${encodeURIComponent(userId)}/account-roles`, { roles }),
                // Compliance officer and account administrator wait for a second administrator (four eyes).
                (answer) => (answer?.pendingApprovals?.length ? t("mxAccountRolesPending") : t("mxAccountRolesSaved")))}>
              {t("mxSaveAccountRoles")}
            </Button>
          </FormGroup>
          <div>
            <ConfirmButton testId="remove-from-account" label={t("mxRemoveFromAccount")} onConfirm={remove}
              question={t("mxConfirmRemove", { name: personName(person.data), account: accountName || account })} />
          </div>
        </Form>
      )}
      <ErrorAlert error={action.error} />
      <SuccessAlert message={action.done} />
    </PageSection>
  );
}

const ACCOUNT_ROLES = ["account-administrator", "compliance-officer", "auditor"];
