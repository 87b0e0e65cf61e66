import { Page } from "@keycloak/keycloak-account-ui";
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import { ErrorAlert, useLoad, useTime } from "../components/common";
import type { Licence, Schemas } from "../types";
import { StatusLabel } from "../components/StatusLabel";

/** A record of mine: the API's record with the server's sentence; the licence may be absent (the generator cannot say so). */
type MyRecord = Omit<Schemas["MyAuthorization"], "licence"> & { licence?: Licence | null };

/**
 * GET /mx/me/authorizations: the caller's own records (with the server's sentence) and invitation state; the
 * records are the authorization feature's views, grouped again by the account that issued them (145.A.35:
 * an organisation authorises for its own approval).
 */
type Mine = Omit<Schemas["MyAuthorizations"], "authorizations" | "accounts"> & {
  authorizations: MyRecord[];
  accounts: (Omit<Schemas["IssuingAccountGroup"], "authorizations"> & { authorizations: MyRecord[] })[];
};

/** For everyone: my personnel authorizations as readable text, and my invitation's state. */
export function MyAuthorizationsPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const mine = useLoad(() => mx.get<Mine>("/me/authorizations"), []);
  const list = (values?: string[]) => (values && values.length > 0 ? values.join(", ") : "—");

  return (
    <Page title={t("mxMyAuthorizations")} description={t("mxMyAuthorizationsDescription")}>
      <ErrorAlert error={mine.error} />
      {mine.data && (
        <>
          <p data-testid="my-invitation">
            {t("mxInvitation")}: <StatusLabel status={mine.data.invitation.status} />
            {mine.data.invitation.status === "pending" && <> {t("mxExpires")} {time(mine.data.invitation.expiresAt)}</>}
          </p>
          {mine.data.authorizations.length === 0 && <p data-testid="no-authorizations">{t("mxNoAuthorizations")}</p>}
          {mine.data.accounts.map((account) => (
            <section key={account.id ?? "none"} data-testid={`my-account-${account.alias ?? "none"}`}>
              <Title headingLevel="h2" size="xl" className="pf-v5-u-mt-xl" data-testid="issued-by">
                {account.id ? t("mxIssuedBy", { account: account.name ?? account.alias }) : t("mxIssuedByNoAccount")}
              </Title>
          {account.authorizations.map((record) => (
            <PageSection key={record.id} variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg"
              data-testid={`my-authorization-${record.reference}`}>
              <Title headingLevel="h3" size="lg">
                {record.typeName} {record.reference}{" "}
                <Label color={record.state === "valid" ? "green" : "orange"} data-testid="state">
                  {t(`mxRecordState-${record.state}`, record.state ?? "")}
                </Label>
              </Title>
              <p data-testid="summary">{record.summary}</p>
              <DescriptionList isHorizontal isCompact>
                {record.licence && (
                  <DescriptionListGroup>
                    <DescriptionListTerm>{t("mxLicence")}</DescriptionListTerm>
                    <DescriptionListDescription>
                      {record.licence.category} · {record.licence.authority} {record.licence.number} · {t("mxValidUntil")}{" "}
                      {record.licence.expiry ?? "—"}
                    </DescriptionListDescription>
                  </DescriptionListGroup>
                )}
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("mxAircraft")}</DescriptionListTerm>
                  <DescriptionListDescription>{list(record.scope.aircraft)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("mxTasks")}</DescriptionListTerm>
                  <DescriptionListDescription>{list(record.scope.tasks)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("mxBasesList")}</DescriptionListTerm>
                  <DescriptionListDescription>{list(record.scope.bases)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("mxValidUntil")}</DescriptionListTerm>
                  <DescriptionListDescription>{time(record.validUntil)}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t("mxAtSignoff")}</DescriptionListTerm>
                  <DescriptionListDescription data-testid="usable">
                    {record.usableAtSignoff ? t("mxUsableAtSignoff") : t("mxNotUsableAtSignoff", { reasons: list(record.unusableBecause) })}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
            </PageSection>
          ))}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
