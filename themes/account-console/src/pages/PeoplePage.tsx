import { Page } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Button,
  Form,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  Label,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { MxError, query, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { TeamInvite } from "../components/TeamInvite";
import { useTemplateDescription, useTemplateName } from "../components/TemplateWords";
import { ErrorAlert, FieldProblem, personName, SuccessAlert, useAction, useConsolePath, useDay, useLoad, validated } from "../components/common";
import { Paging } from "../components/Paging";
import { StatusLabel } from "../components/StatusLabel";
import { paths } from "../paths";
import type { AccountPerson as Person, GrantableTemplate, PeoplePage as PeoplePageAnswer } from "../types";

const STATES = ["", "active", "invited", "deactivated", "disabled"];

/** The people of one account: search, state filter, paging; and Invite a person (create + invite in one call). */
export function PeoplePage() {
  const { t } = useTranslation();
  const mx = useMx();
  const day = useDay();
  const consolePath = useConsolePath();
  const { account, switcher, error: meError } = useAccount();
  const [search, setSearch] = useState("");
  const [state, setState] = useState("");
  const [first, setFirst] = useState(0);
  const [size, setSize] = useState(20);
  const base = `/accounts/${encodeURIComponent(account)}/people`;
  const people = useLoad(
    () => (account ? mx.get<PeoplePageAnswer>(`${base}${query({ search, state, first, max: size })}`) : Promise.resolve(undefined)),
    [account, search, state, first, size],
  );
  const templates = useLoad(
    () => (account ? mx.get<GrantableTemplate[]>(`/accounts/${encodeURIComponent(account)}/grantable-templates`) : Promise.resolve([])),
    [account],
  );
  // Who may not change the account's people (an auditor, a compliance officer) is refused the templates
  // to grant: the server decides; the page then reads only, without a form that would only be refused.
  const readsOnly = templates.error instanceof MxError && templates.error.status === 403;
  const describe = useTemplateDescription();
  const templateName = useTemplateName();
  const invite = useAction(people.reload);
  const retry = useAction(people.reload);
  const [draft, setDraft] = useState({ firstName: "", lastName: "", email: "", templates: [] as string[], expiresInDays: "7" });

  const [exportError, setExportError] = useState<unknown>();
  const exportPeople = async () => {
    setExportError(undefined);
    try {
      await mx.download(`/accounts/${encodeURIComponent(account)}/team/people.csv`, `people-${account}.csv`);
    } catch (failure) {
      setExportError(failure);
    }
  };

  const submit = async () => {
    const sent = await invite.run(
      () => mx.post<Person>(base, { ...draft, expiresInDays: Number(draft.expiresInDays) }),
      // The person is kept when the mail fails (not-sent, with the reason and a retry in the list).
      (person) => person.invitation?.status === "not-sent"
        ? t("mxInvitedNotSent", { email: draft.email })
        : t("mxInvited", { email: draft.email }),
    );
    if (sent) setDraft({ firstName: "", lastName: "", email: "", templates: [], expiresInDays: "7" });
  };

  return (
    <Page title={t("mxPeople")} description={t("mxPeopleDescription")}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>{switcher}</ToolbarItem>
          <ToolbarItem>
            <TextInput aria-label={t("mxSearch")} placeholder={t("mxSearch")} data-testid="people-search" value={search}
              onChange={(_, value) => { setFirst(0); setSearch(value); }} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" data-testid="people-csv" isDisabled={!account} onClick={exportPeople}>{t("mxPeopleCsv")}</Button>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t("mxState")} data-testid="people-state" value={state} onChange={(_, value) => { setFirst(0); setState(value); }}>
              {STATES.map((option) => (
                <FormSelectOption key={option} value={option} label={option ? t(`mxPersonState-${option}`) : t("mxAllStates")} />
              ))}
            </FormSelect>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={meError ?? people.error ?? retry.error ?? exportError} />
      <SuccessAlert message={retry.done} />
      <Table aria-label={t("mxPeople")} variant="compact" data-testid="people">
        <Thead>
          <Tr>
            <Th>{t("mxPerson")}</Th>
            <Th>{t("mxEmail")}</Th>
            <Th>{t("mxInvitation")}</Th>
            <Th>{t("mxRoles")}</Th>
            <Th>{t("mxLastLogin")}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {people.data?.people.map((person) => (
            <Tr key={person.id} data-testid={`person-${person.username}`}>
              <Td dataLabel={t("mxPerson")}>
                <Link to={consolePath(paths.person(person.id, account))}>{personName(person)}</Link>
                {person.provisioned && <Label color="blue" isCompact className="pf-v5-u-ml-sm" data-testid="provisioned">{t("mxProvisioned")}</Label>}
              </Td>
              <Td dataLabel={t("mxEmail")}>{person.email}</Td>
              <Td dataLabel={t("mxInvitation")}>
                {person.deactivated ? <Label color="grey">{t("mxPersonState-deactivated")}</Label>
                  : person.invitation && person.invitation.status !== "none" && <StatusLabel status={person.invitation.status} />}
                {person.invitation?.failure && <div data-testid="failure">{person.invitation.failure}</div>}
                {person.invitation?.status === "not-sent" && (
                  <Button variant="secondary" size="sm" data-testid="retry"
                    onClick={() => retry.run(() => mx.post(`/invitations/${encodeURIComponent(person.id)}/resend`), t("mxResent", { email: person.email }))}>
                    {t("mxRetry")}
                  </Button>
                )}
              </Td>
              <Td dataLabel={t("mxRoles")}>{person.templates.map(templateName).join(", ")}</Td>
              <Td dataLabel={t("mxLastLogin")} data-testid="last-login">{day(person.lastLogin)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {people.data && (
        <Paging testId="people-paging" first={first} size={size} shown={people.data.people.length} total={people.data.total}
          onChange={(nextFirst, nextSize) => { setFirst(nextFirst); setSize(nextSize); }} />
      )}
      {!readsOnly && (
        <Form className="pf-v5-u-mt-xl" data-testid="invite-form" onSubmit={(event) => event.preventDefault()}>
          <FormSection title={t("mxInvite")} titleElement="h2">
            {(["firstName", "lastName", "email"] as const).map((name) => (
              <FormGroup key={name} label={t(`mxInvite-${name}`)} fieldId={`invite-${name}`} isRequired>
                <TextInput id={`invite-${name}`} data-testid={`invite-${name}`} value={draft[name]} validated={validated(invite.error, name)}
                  onChange={(_, value) => setDraft({ ...draft, [name]: value })} />
                <FieldProblem error={invite.error} field={name} />
              </FormGroup>
            ))}
            <FormGroup label={t("mxRoles")} fieldId="invite-templates" role="group">
              {(templates.data ?? []).map((template) => (
                <div key={template.name}>
                  <label>
                    <input type="checkbox" data-testid={`template-${template.name}`} checked={draft.templates.includes(template.name)}
                      onChange={(event) => setDraft({ ...draft, templates: event.target.checked
                        ? [...draft.templates, template.name] : draft.templates.filter((name) => name !== template.name) })} />{" "}
                    <strong>{templateName(template.name)}</strong> {template.privileged && <Label color="red">{t("mxPrivileged")}</Label>}{" "}
                    {template.readOnly && <Label>{t("mxReadOnly")}</Label>} {describe(template)}
                  </label>
                </div>
              ))}
              <FieldProblem error={invite.error} field="templates" />
            </FormGroup>
            <FormGroup label={t("mxExpiresInDays")} fieldId="invite-expires">
              <TextInput id="invite-expires" data-testid="invite-expires" type="number" value={draft.expiresInDays}
                onChange={(_, value) => setDraft({ ...draft, expiresInDays: value })} />
              <FieldProblem error={invite.error} field="expiresInDays" />
            </FormGroup>
          </FormSection>
          <ErrorAlert error={invite.error ?? templates.error} />
          <SuccessAlert message={invite.done} />
          <ActionGroup>
            <Button variant="primary" data-testid="invite" isDisabled={!account} onClick={submit}>{t("mxInvite")}</Button>
          </ActionGroup>
        </Form>
      )}
      {account && !readsOnly && (
        <Form className="pf-v5-u-mt-xl" onSubmit={(event) => event.preventDefault()}>
          <TeamInvite account={account} onInvited={people.reload} />
        </Form>
      )}
    </Page>
  );
}
