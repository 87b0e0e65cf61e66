import { Page } from "@keycloak/keycloak-account-ui";
import { ActionGroup, Alert, Button, ClipboardCopy, Form, FormGroup, TextInput } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useLoad, useTime } from "../components/common";

/** A provisioning token as GET /mx/accounts/{a}/scim-tokens lists it (never its secret). */
type ScimToken = {
  id: string;
  name: string;
  status: "active" | "expired" | "revoked";
  createdBy: string;
  created: string;
  lastUsed?: string | null;
  expires?: string | null;
};

/** The answer of creating one: the only time the secret is shown. */
type CreatedToken = ScimToken & { secret: string; scimBaseUrl: string };

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
    () => (account ? mx.get<{ tokens: ScimToken[] }>(base) : Promise.resolve(undefined)),
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
