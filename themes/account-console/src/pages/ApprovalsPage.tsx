import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CardTitle,
  FormSelect,
  FormSelectOption,
  Label,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, SuccessAlert, useAction, useLoad, useTime } from "../components/common";
import type { Approval, ApprovalPerson } from "../types";

const name = (person?: ApprovalPerson | null) => person?.name || person?.username || "—";

/**
 * Workspace → Approvals: the account's grants of authority that wait for a second person (four
 * eyes): certifying staff, RII, compliance officer, account administrator. Each in one sentence
 * (who asked, what, for whom, when); the second person approves or rejects with an optional
 * reason. Who may decide is the server's answer (mayDecide); the page says why not otherwise.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const time = useTime();
  const mx = useMx();
  const { account, ready, me, switcher, error: meError } = useAccount();
  const [state, setState] = useState("pending");
  const list = useLoad(
    () => (ready ? mx.get<Approval[]>(`/accounts/${encodeURIComponent(account)}/approvals?state=${state}`) : Promise.resolve(undefined)),
    [account, ready, state],
  );
  const decide = useAction(list.reload);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const what = (approval: Approval) =>
    approval.kind === "invitation-address"
      ? t("mxApprovalWhatAddress", { address: approval.grant.address ?? "" })
      : approval.kind === "account-role"
      ? t("mxApprovalWhatRole", { role: t(`mxAccountRole-${approval.grant.role}`, approval.grant.role ?? "") })
      : t("mxApprovalWhatAuthorization", {
          type: t(`mxAuthorizationType-${approval.grant.type}`, approval.grant.typeName ?? approval.grant.type ?? ""),
          reference: approval.grant.reference,
          aircraft: (approval.grant.aircraft ?? []).join(", "),
        });

  const whyNot = (approval: Approval) => {
    if (approval.requestedBy.id === me?.user.id) return t("mxApprovalYourRequest");
    if (approval.person.id === me?.user.id) return t("mxApprovalForYou");
    return approval.kind === "authorization" ? t("mxApprovalNeedsOfficer") : t("mxApprovalNeedsAdministrator");
  };

  const run = (approval: Approval, action: "approve" | "reject") => {
    const reason = reasons[approval.id]?.trim();
    return decide.run(
      () => mx.post(`/accounts/${encodeURIComponent(account)}/approvals/${encodeURIComponent(approval.id)}/${action}`,
        reason ? { reason } : {}),
      t(action === "approve" ? "mxApprovalApproved" : "mxApprovalRejected", { person: name(approval.person), what: what(approval) }),
    );
  };

  return (
    <Page title={t("mxApprovals")} description={t("mxApprovalsDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <FormSelect aria-label={t("mxApprovalState")} data-testid="approval-state" value={state}
        onChange={(_, value) => setState(value)} className="pf-v5-u-mb-md">
        {["pending", "approved", "rejected"].map((option) => (
          <FormSelectOption key={option} value={option} label={t(`mxApprovalState-${option}`)} />
        ))}
      </FormSelect>
      <ErrorAlert error={meError ?? list.error} />
      <ErrorAlert error={decide.error} />
      <SuccessAlert message={decide.done} />
      <div data-testid="approvals">
        {list.data && list.data.length === 0 && <p data-testid="no-approvals">{t(`mxNoApprovals-${state}`)}</p>}
        {(list.data ?? []).map((approval) => (
          <Card key={approval.id} data-testid={`approval-${approval.id}`} className="pf-v5-u-mb-md" isCompact>
            <CardTitle data-testid="approval-sentence">
              {t("mxApprovalSentence", {
                requester: name(approval.requestedBy),
                when: time(approval.requestedAt),
                person: name(approval.person),
                what: what(approval),
              })}
            </CardTitle>
            <CardBody>
              {approval.state === "pending" && !approval.expired && (
                <Label color="blue" data-testid="approval-status">{t("mxApprovalWaitsUntil", { until: time(approval.expiresAt) })}</Label>
              )}
              {approval.state === "pending" && approval.expired && (
                <Label color="orange" data-testid="approval-status">{t("mxApprovalExpired", { at: time(approval.expiresAt) })}</Label>
              )}
              {approval.state !== "pending" && (
                <Label color={approval.state === "approved" ? "green" : "red"} data-testid="approval-status">
                  {t(`mxApprovalDecided-${approval.state}`, { by: name(approval.decidedBy), at: time(approval.decidedAt) })}
                  {approval.reason ? ` — ${approval.reason}` : ""}
                </Label>
              )}
            </CardBody>
            {approval.state === "pending" && (
              <CardFooter>
                {approval.mayDecide ? (
                  <div className="pf-v5-u-display-flex pf-v5-u-flex-wrap" style={{ gap: "0.5rem" }}>
                    <TextInput aria-label={t("mxApprovalReason")} placeholder={t("mxApprovalReason")} data-testid="approval-reason"
                      value={reasons[approval.id] ?? ""} onChange={(_, value) => setReasons({ ...reasons, [approval.id]: value })}
                      style={{ maxWidth: "24rem" }} />
                    {!approval.expired && (
                      <Button variant="primary" data-testid="approve" onClick={() => run(approval, "approve")}>{t("mxApprove")}</Button>
                    )}
                    <Button variant="secondary" data-testid="reject" onClick={() => run(approval, "reject")}>{t("mxReject")}</Button>
                  </div>
                ) : (
                  <p data-testid="approval-not-yours">{whyNot(approval)}</p>
                )}
              </CardFooter>
            )}
          </Card>
        ))}
      </div>
    </Page>
  );
}
