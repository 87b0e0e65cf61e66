import { Page } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { query, saveFile, useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, useLoad, useTime } from "../components/common";
import { checkTrail, type TrailCheckResult } from "../trailCheck";
import type { Signoff, SignoffList } from "../types";

/** The offline check as docs/signoffs.md gives it; the jars are the bundle's and a Keycloak distribution's. */
const OFFLINE_CHECK =
  "java -cp maintenance-access-providers-*.jar:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar " +
  "com.maintenanceaccess.trail.TrailCheckCommand trail.json";

function OutcomeLabel({ signoff }: { signoff: Signoff }) {
  const { t } = useTranslation();
  const accepted = signoff.record.outcome === "accepted";
  return (
    <Label color={accepted ? "green" : "red"} data-testid="signoff-outcome">
      {t(accepted ? "mxSignoffAccepted" : "mxSignoffRefused")}
    </Label>
  );
}

/** What the in-browser check found, in the offline command's words. */
function CheckResult({ result }: { result?: TrailCheckResult }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.kind === "intact") {
    return (
      <Alert variant="success" isInline data-testid="trail-check" title={t("mxTrailVerified", { entries: result.entries, head: result.lastHash })} />
    );
  }
  if (result.kind === "broken") {
    return (
      <Alert variant="danger" isInline data-testid="trail-check" title={t("mxTrailBroken", { seq: result.firstBadSeq })}>
        {result.problem}
      </Alert>
    );
  }
  return (
    <Alert variant="warning" isInline data-testid="trail-check" title={t("mxTrailNotChecked")}>
      {result.reason}
    </Alert>
  );
}

/**
 * Signoffs: the signature records of the account (GET /mx/signoffs) for its auditors and
 * compliance officers (a realm operator may read all accounts), their CSV, and the account's
 * verifiable trail export (GET /mx/trail/export), checked here with the offline command's rule.
 */
export function SignoffsPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const time = useTime();
  const { account, ready, switcher, error: meError } = useAccount(true);
  const [person, setPerson] = useState("");
  const [aircraft, setAircraft] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [outcome, setOutcome] = useState("");
  const [fileError, setFileError] = useState<unknown>();
  const [check, setCheck] = useState<TrailCheckResult>();
  const [checkedFile, setCheckedFile] = useState("");
  const filters = { account, person, aircraft, from, to, outcome };

  // The people to choose from: every signer of the account's records, whatever the other filters.
  const everyone = useLoad(
    () => (ready ? mx.get<SignoffList>(`/signoffs${query({ account })}`) : Promise.resolve(undefined)),
    [account, ready],
  );
  const listed = useLoad(
    () => (ready ? mx.get<SignoffList>(`/signoffs${query(filters)}`) : Promise.resolve(undefined)),
    [account, ready, person, aircraft, from, to, outcome],
  );
  const people = useMemo(() => {
    const seen = new Map<string, string>();
    everyone.data?.signoffs.forEach(({ record: { signer } }) => {
      if (signer?.id) seen.set(signer.id, signer.name ? `${signer.name} (${signer.username})` : signer.username);
    });
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [everyone.data]);

  const downloadCsv = async () => {
    setFileError(undefined);
    try {
      await mx.download(`/signoffs${query({ ...filters, format: "csv" })}`, `signoffs-${account || "all"}.csv`);
    } catch (failure) {
      setFileError(failure);
    }
  };

  const downloadExport = async () => {
    setFileError(undefined);
    setCheck(undefined);
    try {
      const file = await mx.file(`/trail/export${query({ account })}`, "application/json");
      const name = file.filename ?? `trail-${account || "all"}.json`;
      saveFile(file.text, name, "application/json");
      setCheckedFile(name);
      setCheck(await checkTrail(file.text));
    } catch (failure) {
      setFileError(failure);
    }
  };

  const checkSaved = async (file: File) => {
    setCheck(undefined);
    setCheckedFile(file.name);
    setCheck(await checkTrail(await file.text()));
  };

  const rows = listed.data?.signoffs;
  return (
    <Page title={t("mxSignoffs")} description={t("mxSignoffsDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError} />
      <PageSection variant="light" padding={{ default: "noPadding" }}>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect aria-label={t("mxPerson")} data-testid="signoffs-person" value={person} onChange={(_, value) => setPerson(value)}>
                <FormSelectOption value="" label={t("mxEveryone")} />
                {people.map(([id, label]) => (
                  <FormSelectOption key={id} value={id} label={label} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <TextInput aria-label={t("mxSignoffAircraft")} placeholder={t("mxAircraftFilter")} data-testid="signoffs-aircraft"
                value={aircraft} onChange={(_, value) => setAircraft(value)} />
            </ToolbarItem>
            <ToolbarItem>
              <TextInput aria-label={t("mxFrom")} data-testid="signoffs-from" type="date" value={from} onChange={(_, value) => setFrom(value)} />
              <FieldProblem error={listed.error} field="from" />
            </ToolbarItem>
            <ToolbarItem>
              <TextInput aria-label={t("mxTo")} data-testid="signoffs-to" type="date" value={to} onChange={(_, value) => setTo(value)} />
              <FieldProblem error={listed.error} field="to" />
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect aria-label={t("mxOutcome")} data-testid="signoffs-outcome" value={outcome} onChange={(_, value) => setOutcome(value)}>
                <FormSelectOption value="" label={t("mxAllOutcomes")} />
                <FormSelectOption value="accepted" label={t("mxSignoffAccepted")} />
                <FormSelectOption value="refused" label={t("mxSignoffRefused")} />
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" data-testid="signoffs-csv" onClick={downloadCsv}>{t("mxDownloadCsv")}</Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={listed.error} />
        {listed.data?.truncated && <Alert variant="warning" isInline title={t("mxSignoffsTruncated")} />}
        <Table aria-label={t("mxSignoffs")} variant="compact" data-testid="signoffs">
          <Thead>
            <Tr>
              <Th>{t("mxSignedAt")}</Th>
              <Th>{t("mxOutcome")}</Th>
              <Th>{t("mxSigner")}</Th>
              <Th>{t("mxType")}</Th>
              <Th>{t("mxSignoffAircraft")}</Th>
              <Th>{t("mxWorkOrder")}</Th>
              <Th>{t("mxTask")}</Th>
              <Th>{t("mxDeclaration")}</Th>
              <Th>{t("mxProof")}</Th>
              <Th>{t("mxTrailEntry")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows?.map((signoff) => {
              const { record } = signoff;
              const plane = record.what.aircraft;
              return (
                <Tr key={signoff.id} data-testid={`signoff-${signoff.id}`}>
                  <Td dataLabel={t("mxSignedAt")}>{time(record.signedAt)}</Td>
                  <Td dataLabel={t("mxOutcome")}>
                    <OutcomeLabel signoff={signoff} />
                    {record.reasons.length > 0 && <div className="mx-fix" data-testid="signoff-reasons">{record.reasons.map((reason) => t(`mxSignoffReason.${reason}`, reason)).join("; ")}</div>}
                  </Td>
                  <Td dataLabel={t("mxSigner")} data-testid="signoff-signer">
                    {record.signer?.username ? `${record.signer.name ?? ""} (${record.signer.username})` : "—"}
                    {record.authorization?.reference && <div>{record.authorization.reference}</div>}
                  </Td>
                  <Td dataLabel={t("mxType")} data-testid="signoff-type">{t(`mxSignoffType-${record.what.type}`, record.what.type)}</Td>
                  <Td dataLabel={t("mxSignoffAircraft")} data-testid="signoff-aircraft">
                    {[plane?.registration, plane?.type].filter(Boolean).join(" · ") || "—"}
                  </Td>
                  <Td dataLabel={t("mxWorkOrder")} data-testid="signoff-work-order">{record.what.workOrder || "—"}</Td>
                  <Td dataLabel={t("mxTask")}>{record.what.task || "—"}</Td>
                  <Td dataLabel={t("mxDeclaration")} data-testid="signoff-declaration">{record.meaning}</Td>
                  <Td dataLabel={t("mxProof")} data-testid="signoff-proof">
                    {record.proof?.acr ?? "—"}
                    {record.proof?.authTime && <div>{t("mxAuthTime")} {time(record.proof.authTime)}</div>}
                  </Td>
                  <Td dataLabel={t("mxTrailEntry")}>
                    #{signoff.seq} <code title={signoff.hash}>{signoff.hash.substring(0, 12)}…</code>
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
        {rows && rows.length === 0 && <p data-testid="signoffs-empty">{t("mxNoSignoffs")}</p>}
        {listed.data && (
          <p className="pf-v5-u-mt-sm" data-testid="trail-head">
            {t("mxTrailHead", { seq: listed.data.trail.seq, hash: listed.data.trail.hash })}
          </p>
        )}
      </PageSection>
      <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-lg">
        <Title headingLevel="h2" size="lg">{t("mxTrailExport")}</Title>
        <p>{t("mxTrailExportHelp")}</p>
        <pre className="pf-v5-u-my-sm mx-command" data-testid="trail-command">{OFFLINE_CHECK}</pre>
        <p>{t("mxTrailCheckHere")}</p>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <Button variant="primary" data-testid="trail-export" isDisabled={!ready} onClick={downloadExport}>
                {t("mxDownloadTrailExport")}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <label>
                {t("mxCheckSavedExport")}{" "}
                <input type="file" accept=".json,application/json" data-testid="trail-file"
                  onChange={(event) => event.target.files?.[0] && checkSaved(event.target.files[0])} />
              </label>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={fileError} />
        {check && <p data-testid="trail-checked-file">{checkedFile}</p>}
        <CheckResult result={check} />
      </PageSection>
    </Page>
  );
}
