import { Page } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Alert,
  Button,
  ClipboardCopy,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  Radio,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MxError, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useLoad, useTime, validated } from "../components/common";
import type { CreatedToken, GrantableTemplate, GroupMapping, ProvisioningSettings, ScimToken, ScimTokenList } from "../types";

/** The onboarding choices the server accepts (docs/scim.md "Provisioning settings"). */
type Onboarding = "identity-provider" | "invitation";

/**
 * t26-scim: an account's provisioning (SCIM) tokens, for its administrators (docs/scim.md): create
 * one (its secret and the directory's URL shown once, to copy into Entra ID or Okta), list, revoke.
 */
export function ProvisioningPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const { account, switcher, error: meError } = useAccount();
  const base = `/accounts/${encodeURIComponent(account)}/scim-tokens`;
  const tokens = useLoad(
    () => (account ? mx.get<ScimTokenList>(base) : Promise.resolve(undefined)),
    [account],
  );
  const action = useAction(tokens.reload);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedToken>();

  const create = () =>
    action.run(
      async () => {
        const answer = await mx.post<CreatedToken>(base, { name });
        setCreated(answer);
        setName("");
        return answer;
      },
      t("mxTokenCreated"),
    );

  const revoke = (token: ScimToken) => {
    setCreated(undefined);
    return action.run(() => mx.delete(`${base}/${encodeURIComponent(token.id)}`), t("mxTokenRevoked", { name: token.name }));
  };

  return (
    <Page title={t("mxProvisioning")} description={t("mxProvisioningDescription")}>
      {account && tokens.data && <ProvisioningSettingsForm account={account} />}
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError ?? tokens.error} />
      {tokens.data && (
        <>
          <Form className="pf-v5-u-mt-lg" data-testid="token-form" onSubmit={(event) => event.preventDefault()}>
            <FormGroup label={t("mxTokenName")} fieldId="token-name" isRequired>
              <TextInput id="token-name" data-testid="token-name" value={name} onChange={(_, value) => setName(value)} />
              <FieldProblem error={action.error} field="name" />
            </FormGroup>
            <ActionGroup>
              <Button variant="primary" data-testid="create-token" onClick={create}>{t("mxCreateToken")}</Button>
            </ActionGroup>
          </Form>
          <ErrorAlert error={action.error} />
          <SuccessAlert message={action.done} />
          {created && (
            <Alert variant="warning" isInline title={t("mxTokenShownOnce")} data-testid="token-secret" className="pf-v5-u-mt-md">
              <p>{t("mxTokenSecret")}</p>
              <ClipboardCopy isReadOnly hoverTip={t("mxCopy")} clickTip={t("mxCopied")} data-testid="secret-value">
                {created.secret}
              </ClipboardCopy>
              <p className="pf-v5-u-mt-sm">{t("mxTokenBaseUrl")}</p>
              <ClipboardCopy isReadOnly hoverTip={t("mxCopy")} clickTip={t("mxCopied")} data-testid="base-url">
                {created.scimBaseUrl}
              </ClipboardCopy>
            </Alert>
          )}
          <Table aria-label={t("mxProvisioning")} variant="compact" data-testid="tokens" className="pf-v5-u-mt-lg">
            <Thead>
              <Tr>
                <Th>{t("mxTokenName")}</Th>
                <Th>{t("mxState")}</Th>
                <Th>{t("mxTokenCreatedBy")}</Th>
                <Th>{t("mxTokenCreatedAt")}</Th>
                <Th>{t("mxTokenLastUsed")}</Th>
                <Th>{t("mxExpires")}</Th>
                <Th />
              </Tr>
            </Thead>
            <Tbody>
              {tokens.data.tokens.map((token) => (
                <Tr key={token.id} data-testid={`token-${token.name}`}>
                  <Td dataLabel={t("mxTokenName")}>{token.name}</Td>
                  <Td dataLabel={t("mxState")} data-testid="token-status">{t(`mxTokenStatus-${token.status}`)}</Td>
                  <Td dataLabel={t("mxTokenCreatedBy")}>{token.createdBy}</Td>
                  <Td dataLabel={t("mxTokenCreatedAt")}>{time(token.created)}</Td>
                  <Td dataLabel={t("mxTokenLastUsed")}>{time(token.lastUsed)}</Td>
                  <Td dataLabel={t("mxExpires")}>{time(token.expires)}</Td>
                  <Td>
                    {token.status === "active" && (
                      <Button variant="secondary" isDanger data-testid="revoke-token" onClick={() => revoke(token)}>
                        {t("mxRevokeToken")}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {tokens.data.tokens.length === 0 && <p data-testid="no-tokens">{t("mxNoTokens")}</p>}
        </>
      )}
    </Page>
  );
}

/**
 * How the account's directory provisions people: whether a person it creates gets the invitation
 * e-mail or signs in through the organisation's identity provider, and which role template each
 * directory group stands for (names and templates only: no ids on the page).
 */
function ProvisioningSettingsForm({ account }: { account: string }) {
  const { t } = useTranslation();
  const mx = useMx();
  const path = `/accounts/${encodeURIComponent(account)}/provisioning-settings`;
  const settings = useLoad(() => mx.get<ProvisioningSettings>(path), [account]);
  const templates = useLoad(
    () => mx.get<GrantableTemplate[]>(`/accounts/${encodeURIComponent(account)}/grantable-templates`),
    [account],
  );
  const onboardingAction = useAction(settings.reload);
  const mappingAction = useAction(settings.reload);
  const [onboarding, setOnboarding] = useState<Onboarding>();
  const [rows, setRows] = useState<GroupMapping[]>();
  const current = settings.data;
  const chosen = onboarding ?? current?.onboarding;
  const mapping = rows ?? current?.groupMapping ?? [];
  const allowed = current?.privilegedTemplatesAllowed ?? false;
  const privileged = (name: string) => (templates.data ?? []).some((template) => template.name === name && template.privileged);

  const saveOnboarding = () =>
    onboardingAction.run(async () => {
      await mx.put(path, { onboarding: chosen });
      setOnboarding(undefined);
    }, t("mxProvisioningSaved"));
  const saveMapping = () =>
    mappingAction.run(async () => {
      await mx.put(path, { groupMapping: mapping.map((row) => ({ group: row.group.trim(), template: row.template })) });
      setRows(undefined);
    }, t("mxProvisioningSaved"));
  const change = (index: number, row: Partial<GroupMapping>) =>
    setRows(mapping.map((existing, i) => (i === index ? { ...existing, ...row } : existing)));

  return (
    <div data-testid="provisioning-settings" className="pf-v5-u-mb-xl">
      <ErrorAlert error={settings.error ?? templates.error} />
      {current && templates.data && (
        <>
          <Title headingLevel="h2" size="lg">{t("mxOnboarding")}</Title>
          <Form data-testid="onboarding-form" onSubmit={(event) => event.preventDefault()}>
            <FormGroup role="radiogroup" fieldId="onboarding" label={t("mxOnboardingQuestion")}>
              <Radio id="onboarding-identity-provider" name="onboarding" data-testid="onboarding-identity-provider"
                isChecked={chosen === "identity-provider"} onChange={() => setOnboarding("identity-provider")}
                label={t("mxOnboardingIdentityProvider")} description={t("mxOnboardingIdentityProviderHelp")} />
              <Radio id="onboarding-invitation" name="onboarding" data-testid="onboarding-invitation"
                isChecked={chosen === "invitation"} onChange={() => setOnboarding("invitation")}
                label={t("mxOnboardingInvitation")} description={t("mxOnboardingInvitationHelp")} />
              <FieldProblem error={onboardingAction.error} field="onboarding" />
            </FormGroup>
            <ActionGroup>
              <Button variant="primary" data-testid="onboarding-save" onClick={saveOnboarding}>{t("mxSave")}</Button>
            </ActionGroup>
          </Form>
          <FormError error={onboardingAction.error} />
          <SuccessAlert message={onboardingAction.done} />

          <Title headingLevel="h2" size="lg" className="pf-v5-u-mt-lg">{t("mxGroupMapping")}</Title>
          <p className="pf-v5-u-mb-sm">{t("mxGroupMappingHelp")}</p>
          {allowed ? (
            <Alert variant="warning" isInline title={t("mxGroupMappingPrivilegedAllowed")} data-testid="mapping-privileged-warning" />
          ) : (
            <p className="pf-v5-u-mb-sm" data-testid="mapping-privileged-refused">{t("mxGroupMappingPrivilegedRefused")}</p>
          )}
          <Form data-testid="mapping-form" onSubmit={(event) => event.preventDefault()}>
            {mapping.map((row, index) => (
              <div key={index} data-testid={`mapping-row-${index}`} className="pf-v5-u-display-flex pf-v5-u-align-items-flex-start">
                <FormGroup label={t("mxDirectoryGroup")} fieldId={`mapping-group-${index}`} className="pf-v5-u-mr-md">
                  <TextInput id={`mapping-group-${index}`} data-testid={`mapping-group-${index}`} value={row.group}
                    validated={validated(mappingAction.error, `groupMapping[${index}].group`)}
                    onChange={(_, value) => change(index, { group: value })} />
                  <FieldProblem error={mappingAction.error} field={`groupMapping[${index}].group`} />
                </FormGroup>
                <FormGroup label={t("mxRoleTemplate")} fieldId={`mapping-template-${index}`} className="pf-v5-u-mr-md">
                  <FormSelect id={`mapping-template-${index}`} data-testid={`mapping-template-${index}`} value={row.template}
                    validated={validated(mappingAction.error, `groupMapping[${index}].template`)}
                    onChange={(_, value) => change(index, { template: value })}>
                    <FormSelectOption value="" label={t("mxChooseTemplate")} isPlaceholder />
                    {templates.data!.map((template) => (
                      <FormSelectOption key={template.name} value={template.name}
                        isDisabled={template.privileged && !allowed && template.name !== row.template}
                        label={template.description ? `${template.name} (${template.description})` : template.name} />
                    ))}
                  </FormSelect>
                  {privileged(row.template) && <Label color="red" data-testid={`mapping-privileged-${index}`}>{t("mxPrivileged")}</Label>}
                  <FieldProblem error={mappingAction.error} field={`groupMapping[${index}].template`} />
                </FormGroup>
                <Button variant="link" isDanger data-testid={`mapping-remove-${index}`} className="pf-v5-u-mt-lg"
                  onClick={() => setRows(mapping.filter((_, i) => i !== index))}>{t("mxRemoveGroup")}</Button>
              </div>
            ))}
            {mapping.length === 0 && <p data-testid="mapping-empty">{t("mxGroupMappingEmpty")}</p>}
            <FieldProblem error={mappingAction.error} field="groupMapping" />
            <ActionGroup>
              <Button variant="secondary" data-testid="mapping-add" onClick={() => setRows([...mapping, { group: "", template: "" }])}>
                {t("mxAddGroup")}
              </Button>
              <Button variant="primary" data-testid="mapping-save" onClick={saveMapping}>{t("mxSave")}</Button>
            </ActionGroup>
          </Form>
          <FormError error={mappingAction.error} />
          <SuccessAlert message={mappingAction.done} />
        </>
      )}
    </div>
  );
}

/**
 * A refusal of the settings form: when the server named fields, their messages stand under those
 * fields and this says only that nothing was saved (the server's summary names the fields by their
 * API names, which are not for the page); any other refusal as usual.
 */
function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof MxError && error.problems.some((problem) => problem.field)) {
    return <Alert variant="danger" isInline title={t("mxNotSavedSeeFields")} data-testid="mx-error" />;
  }
  return <ErrorAlert error={error} />;
}
