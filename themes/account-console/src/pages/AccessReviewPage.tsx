import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
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
import { query, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { useEvidenceWords } from "../components/CheckWords";
import { ErrorAlert, FieldProblem, useConsolePath, useLoad } from "../components/common";
import { Paging } from "../components/Paging";
import { paths } from "../paths";
import type { AccessReport } from "../types";

const CATEGORIES = [
  "administrator",
  "operational-with-privileged",
  "no-login",
  "pending-invitation",
  "missing-authorization",
  "expiring-authorization",
  "disabled-with-roles",
  "no-account",
];
const PAGE_SIZE = 100;

/**
 * The access review report: findings per user, thresholds as filters, a page at a time, CSV. Each
 * finding's detail in the page's language with role templates and authorization types in words (its
 * detailParts); the CSV is asked for in the page's language too (Accept-Language, api.ts).
 */
export function AccessReviewPage() {
  const { t } = useTranslation();
  const words = useEvidenceWords();
  const mx = useMx();
  const consolePath = useConsolePath();
  const [inactiveDays, setInactiveDays] = useState("90");
  const [pendingDays, setPendingDays] = useState("7");
  const [expiringDays, setExpiringDays] = useState("30");
  const [category, setCategory] = useState("");
  const [first, setFirst] = useState(0);
  const [downloadError, setDownloadError] = useState<unknown>();
  const { account, ready, switcher, error: meError } = useAccount(true);
  const parameters = { inactiveDays, pendingDays, expiringDays, first, max: PAGE_SIZE, account };
  const report = useLoad(
    () => (ready ? mx.get<AccessReport>(`/access/report${query(parameters)}`) : Promise.resolve(undefined)),
    [inactiveDays, pendingDays, expiringDays, first, account, ready],
  );
  const findings = (report.data?.findings ?? []).filter((finding) => !category || finding.category === category);

  const download = async () => {
    setDownloadError(undefined);
    try {
      await mx.download(`/access/report${query({ ...parameters, format: "csv" })}`, `access-review-${first}.csv`);
    } catch (failure) {
      setDownloadError(failure);
    }
  };

  const threshold = (name: string, value: string, set: (value: string) => void) => (
    <ToolbarItem>
      <TextInput aria-label={t(`mx-${name}`)} data-testid={name} type="number" value={value} onChange={(_, next) => { setFirst(0); set(next); }} />
      <span className="pf-v5-u-font-size-sm">{t(`mx-${name}`)}</span>
      <FieldProblem error={report.error} field={name} />
    </ToolbarItem>
  );

  return (
    <Page title={t("mxAccessReview")} description={t("mxAccessReviewDescription")}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>{switcher}</ToolbarItem>
          {threshold("inactiveDays", inactiveDays, setInactiveDays)}
          {threshold("pendingDays", pendingDays, setPendingDays)}
          {threshold("expiringDays", expiringDays, setExpiringDays)}
          <ToolbarItem>
            <FormSelect aria-label={t("mxCategory")} data-testid="category" value={category} onChange={(_, value) => setCategory(value)}>
              <FormSelectOption value="" label={t("mxAllCategories")} />
              {CATEGORIES.map((name) => (
                <FormSelectOption key={name} value={name} label={t(`mxFinding-${name}`, name)} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" data-testid="report-csv" onClick={download}>{t("mxDownloadCsv")}</Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={meError ?? report.error ?? downloadError} />
      {report.data && (
        <p data-testid="administrators">{t("mxAdministrators", { count: report.data.administrators })}</p>
      )}
      <Table aria-label={t("mxAccessReview")} variant="compact" data-testid="findings">
        <Thead>
          <Tr>
            <Th>{t("mxCategory")}</Th>
            <Th>{t("mxPerson")}</Th>
            <Th>{t("mxDetail")}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {findings.map((finding, index) => (
            <Tr key={index} data-testid={`finding-${finding.username}`} data-category={finding.category}>
              <Td dataLabel={t("mxCategory")}><Label color="orange">{t(`mxFinding-${finding.category}`, finding.category)}</Label></Td>
              <Td dataLabel={t("mxPerson")}><Link to={consolePath(paths.person(finding.userId, account))}>{finding.username}</Link></Td>
              <Td dataLabel={t("mxDetail")} data-testid="finding-detail">{words.parts(finding.detailParts) ?? finding.detail}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {report.data && (
        // The report pages people, not findings (a person has none or several): previous and next only.
        <Paging testId="report-paging" first={first} size={PAGE_SIZE} more={report.data.next != null}
          onChange={(nextFirst) => setFirst(nextFirst)} />
      )}
    </Page>
  );
}
