import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  FormSelect,
  FormSelectOption,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { query, useMx } from "../api";
import { useAuthorizationCatalog } from "../catalog";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, personName, useConsolePath, useDay, useLoad } from "../components/common";
import { paths } from "../paths";
import type { ExpiryItem, RosterAnswer, RosterEntry } from "../types";

function ExpiryTable({ rows, testId }: { rows?: ExpiryItem[]; testId: string }) {
  const { t } = useTranslation();
  const consolePath = useConsolePath();
  return (
    <Table aria-label={testId} variant="compact" data-testid={testId}>
      <Thead>
        <Tr>
          <Th>{t("mxPerson")}</Th>
          <Th>{t("mxReference")}</Th>
          <Th>{t("mxType")}</Th>
          <Th>{t("mxState")}</Th>
          <Th>{t("mxValidUntil")}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows?.map((row) => (
          <Tr key={`${row.userId}-${row.authorization?.id}`} data-testid={`row-${row.authorization?.reference}`}>
            <Td>
              <Link to={consolePath(paths.authorizations(String(row.userId)))}>{String(row.username)}</Link>
            </Td>
            <Td>{row.authorization?.reference}</Td>
            <Td>{row.authorization?.type ? t(`mxAuthorizationType-${row.authorization.type}`, row.authorization.type) : "—"}</Td>
            <Td>{t(`mxRecordState-${row.authorization?.state}`, row.authorization?.state ?? "")}</Td>
            <Td>{String(row.validUntil ?? "").substring(0, 10)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The roster on screen: the people who may certify now under the chosen type, as the CSV beside it lists them. */
function RosterTable({ entries }: { entries?: RosterEntry[] }) {
  const { t } = useTranslation();
  const consolePath = useConsolePath();
  const day = useDay();
  if (entries && entries.length === 0) return <p data-testid="roster-empty">{t("mxRosterEmpty")}</p>;
  return (
    <Table aria-label={t("mxRoster")} variant="compact" data-testid="roster">
      <Thead>
        <Tr>
          <Th>{t("mxPerson")}</Th>
          <Th>{t("mxReference")}</Th>
          <Th>{t("mxLicenceCategory")}</Th>
          <Th>{t("mxRosterAircraft")}</Th>
          <Th>{t("mxRosterTasks")}</Th>
          <Th>{t("mxRosterBases")}</Th>
          <Th>{t("mxValidUntil")}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries?.map((entry) => (
          <Tr key={`${entry.userId}-${entry.reference}`} data-testid={`roster-${entry.reference}`}>
            <Td dataLabel={t("mxPerson")}>
              <Link to={consolePath(paths.authorizations(entry.userId))} data-testid="roster-person">
                {personName(entry)}
              </Link>
            </Td>
            <Td dataLabel={t("mxReference")}>{entry.reference}</Td>
            <Td dataLabel={t("mxLicenceCategory")}>{entry.licenceCategory || "—"}</Td>
            <Td dataLabel={t("mxRosterAircraft")}>{entry.aircraft || "—"}</Td>
            <Td dataLabel={t("mxRosterTasks")}>{entry.tasks || "—"}</Td>
            <Td dataLabel={t("mxRosterBases")}>{entry.bases || t("mxRosterAnyBase")}</Td>
            <Td dataLabel={t("mxValidUntil")}>{day(entry.expiry)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** Compliance: authorizations ending soon, those already ended, and the roster of one type on screen with its CSV. */
export function CompliancePage() {
  const { t } = useTranslation();
  const mx = useMx();
  const [days, setDays] = useState("30");
  const [rosterType, setRosterType] = useState("certifying-staff");
  const [downloadError, setDownloadError] = useState<unknown>();
  const { account, ready, switcher, error: meError } = useAccount(true);
  const { catalog: authorizationCatalog, error: catalogError } = useAuthorizationCatalog();
  const expiring = useLoad(
    () => (ready ? mx.get<ExpiryItem[]>(`/authorizations/expiring${query({ days, max: 100, account })}`) : Promise.resolve(undefined)),
    [days, account, ready],
  );
  const expired = useLoad(
    () => (ready ? mx.get<ExpiryItem[]>(`/authorizations/expired${query({ max: 100, account })}`) : Promise.resolve(undefined)),
    [account, ready],
  );

  const roster = useLoad(
    () => (ready ? mx.get<RosterAnswer>(`/authorizations/roster${query({ type: rosterType, account })}`)
      : Promise.resolve(undefined)),
    [rosterType, account, ready],
  );

  const downloadRoster = async () => {
    setDownloadError(undefined);
    try {
      await mx.download(`/authorizations/roster${query({ type: rosterType, format: "csv", account })}`, `roster-${rosterType}.csv`);
    } catch (failure) {
      setDownloadError(failure);
    }
  };

  return (
    <Page title={t("mxCompliance")} description={t("mxComplianceDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError} />
      <PageSection variant="light" padding={{ default: "noPadding" }}>
        <Title headingLevel="h2" size="lg">{t("mxExpiring")}</Title>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <TextInput aria-label={t("mxWithinDays")} data-testid="expiring-days" type="number" value={days} onChange={(_, value) => setDays(value)} />
              <FieldProblem error={expiring.error} field="days" />
            </ToolbarItem>
            <ToolbarItem>{t("mxWithinDays")}</ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={expiring.error} />
        <ExpiryTable rows={expiring.data} testId="expiring" />
      </PageSection>
      <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
        <Title headingLevel="h2" size="lg">{t("mxExpired")}</Title>
        <ErrorAlert error={expired.error} />
        <ExpiryTable rows={expired.data} testId="expired" />
      </PageSection>
      <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
        <Title headingLevel="h2" size="lg">{t("mxRoster")}</Title>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect aria-label={t("mxType")} data-testid="roster-type" value={rosterType} onChange={(_, value) => setRosterType(value)}>
                {authorizationCatalog.types.map((type) => (
                  <FormSelectOption key={type.id} value={type.id} label={t(`mxAuthorizationType-${type.id}`, type.name)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" data-testid="roster-csv" onClick={downloadRoster}>{t("mxDownloadCsv")}</Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={downloadError ?? catalogError ?? roster.error} />
        <RosterTable entries={roster.data?.entries} />
      </PageSection>
    </Page>
  );
}
