import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  FormSelect,
  FormSelectOption,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { query, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ConfirmButton } from "../components/ConfirmButton";
import { ErrorAlert, FieldProblem, personName, SuccessAlert, useAction, useConsolePath, useLoad, useTime } from "../components/common";
import { Paging } from "../components/Paging";
import { StatusLabel } from "../components/StatusLabel";
import { paths } from "../paths";
import type { Invitation, InvitationList } from "../types";

const STATES = ["", "pending", "expired", "accepted", "revoked"];

/** Pending, expired, accepted and revoked invitations; resend (also a revoked one), revoke, correct the address. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const consolePath = useConsolePath();
  const [status, setStatus] = useState("");
  const [address, setAddress] = useState("");
  const [first, setFirst] = useState(0);
  const [size, setSize] = useState(20);
  const { account, ready, switcher, error: meError } = useAccount(true);
  const { data, error, reload } = useLoad(
    () => (ready ? mx.get<InvitationList>(`/invitations${query({ status, address, first, max: size, account })}`) : Promise.resolve(undefined)),
    [status, address, first, size, account, ready],
  );
  const action = useAction(reload);
  const [editing, setEditing] = useState<string>();
  const [newAddress, setNewAddress] = useState("");

  const resend = (invitation: Invitation) =>
    action.run(() => mx.post(`/invitations/${invitation.userId}/resend`), t("mxResent", { email: invitation.email }));
  const revoke = (invitation: Invitation) =>
    action.run(() => mx.post(`/invitations/${invitation.userId}/revoke`), t("mxRevoked", { email: invitation.email }));
  const correct = async (invitation: Invitation) => {
    const changed = await action.run(
      () => mx.put<{ pendingApproval?: unknown }>(`/invitations/${invitation.userId}/email`, { email: newAddress }),
      // A person who already holds authority: the move waits for a second administrator (four eyes).
      (answer) => answer?.pendingApproval
        ? t("mxAddressWaitsForApproval", { email: newAddress })
        : t("mxAddressCorrected", { email: newAddress }),
    );
    if (changed) setEditing(undefined);
  };

  return (
    <Page title={t("mxInvitations")} description={t("mxInvitationsDescription")}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>{switcher}</ToolbarItem>
          <ToolbarItem>
            <FormSelect
              aria-label={t("mxState")}
              data-testid="filter-status"
              value={status}
              onChange={(_, value) => {
                setFirst(0);
                setStatus(value);
              }}
            >
              {STATES.map((state) => (
                <FormSelectOption key={state} value={state} label={state ? t(`mxStatus-${state}`) : t("mxAllStates")} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <TextInput
              aria-label={t("mxAddress")}
              placeholder={t("mxAddress")}
              data-testid="filter-address"
              value={address}
              onChange={(_, value) => {
                setFirst(0);
                setAddress(value);
              }}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={meError ?? error ?? action.error} />
      <SuccessAlert message={action.done} />
      <Table aria-label={t("mxInvitations")} variant="compact" data-testid="invitations">
        <Thead>
          <Tr>
            <Th>{t("mxPerson")}</Th>
            <Th>{t("mxEmail")}</Th>
            <Th>{t("mxState")}</Th>
            <Th>{t("mxSent")}</Th>
            <Th>{t("mxExpires")}</Th>
            <Th screenReaderText={t("mxActions")} />
          </Tr>
        </Thead>
        <Tbody>
          {data?.items.map((invitation) => (
            <Tr key={invitation.userId} data-testid={`invitation-${invitation.username}`}>
              <Td dataLabel={t("mxPerson")}>
                <Link to={consolePath(paths.person(invitation.userId, account))} data-testid="person-link">
                  {personName(invitation)}
                </Link>
              </Td>
              <Td dataLabel={t("mxEmail")}>
                {editing === invitation.userId ? (
                  <>
                    <TextInput
                      aria-label={t("mxNewAddress")}
                      data-testid="new-address"
                      value={newAddress}
                      onChange={(_, value) => setNewAddress(value)}
                    />
                    <FieldProblem error={action.error} field="email" />
                    <Button variant="primary" size="sm" data-testid="save-address" onClick={() => correct(invitation)}>
                      {t("mxSave")}
                    </Button>{" "}
                    <Button variant="link" size="sm" onClick={() => setEditing(undefined)}>{t("mxCancel")}</Button>
                  </>
                ) : (
                  <span data-testid="email">{invitation.email}</span>
                )}
              </Td>
              <Td dataLabel={t("mxState")}><StatusLabel status={invitation.status} /></Td>
              <Td dataLabel={t("mxSent")}>{time(invitation.sentAt)}</Td>
              <Td dataLabel={t("mxExpires")}>{time(invitation.expiresAt)}</Td>
              <Td isActionCell>
                {invitation.status !== "accepted" && (
                  <>
                    <Button variant="secondary" size="sm" data-testid="resend" onClick={() => resend(invitation)}>
                      {t("mxResend")}
                    </Button>{" "}
                  </>
                )}
                {(invitation.status === "pending" || invitation.status === "expired") && (
                  <>
                    <ConfirmButton testId="revoke" variant="secondary" size="sm" label={t("mxRevoke")}
                      question={t("mxConfirmRevoke", { name: personName(invitation), email: invitation.email })}
                      onConfirm={() => revoke(invitation)} />{" "}
                  </>
                )}
                {invitation.status === "pending" && editing !== invitation.userId && (
                  <Button
                    variant="link"
                    size="sm"
                    data-testid="correct-address"
                    onClick={() => {
                      setEditing(invitation.userId);
                      setNewAddress(invitation.email);
                    }}
                  >
                    {t("mxCorrectAddress")}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {data && (
        <Paging testId="invitations-paging" first={first} size={size} shown={data.items.length} total={data.total}
          onChange={(nextFirst, nextSize) => { setFirst(nextFirst); setSize(nextSize); }} />
      )}
    </Page>
  );
}
