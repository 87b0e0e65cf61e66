import { Page } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Button,
  Checkbox,
  DatePicker,
  Form,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  Label,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { MxError, useMx } from "../api";
import { useAuthorizationCatalog } from "../catalog";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useLoad, validated } from "../components/common";
import type { Authorization } from "../types";

type Draft = {
  type: string;
  reference: string;
  authority: string;
  number: string;
  category: string;
  licenceExpiry: string;
  aircraft: string[];
  tasks: string[];
  bases: string;
  limitations: string;
  effective: string;
  expiry: string;
  continuationTraining: string;
  experienceFrom: string;
  experienceTo: string;
};

const EMPTY: Draft = {
  type: "",
  reference: "",
  authority: "",
  number: "",
  category: "",
  licenceExpiry: "",
  aircraft: [],
  tasks: [],
  bases: "",
  limitations: "",
  effective: "",
  expiry: "",
  continuationTraining: "",
  experienceFrom: "",
  experienceTo: "",
};

/** The record the API takes (docs/authorizations.md); empty optional fields are left out. */
export function toRecord(draft: Draft, requiresLicence: boolean): Record<string, unknown> {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const licence = requiresLicence || draft.authority || draft.number || draft.category
    ? { authority: draft.authority, number: draft.number, category: draft.category, expiry: optional(draft.licenceExpiry) }
    : undefined;
  return {
    type: draft.type,
    reference: draft.reference.trim(),
    licence,
    scope: { aircraft: draft.aircraft, tasks: draft.tasks, bases: draft.bases.split(/[\s,]+/).filter(Boolean) },
    limitations: optional(draft.limitations),
    effective: optional(draft.effective),
    expiry: optional(draft.expiry),
    continuationTraining: optional(draft.continuationTraining),
    // Recency (domain.md: relevant experience in the last two years) is one period here.
    experience: draft.experienceFrom && draft.experienceTo ? [{ from: draft.experienceFrom, to: draft.experienceTo }] : undefined,
  };
}

/** The form filled with a stored record, to correct it. */
export function fromRecord(record: Authorization): Draft {
  const day = (value?: string | null) => (value ? value.substring(0, 10) : "");
  return {
    type: record.type,
    reference: record.reference,
    authority: record.licence?.authority ?? "",
    number: record.licence?.number ?? "",
    category: record.licence?.category ?? "",
    licenceExpiry: day(record.licence?.expiry),
    aircraft: [...record.scope.aircraft],
    tasks: [...record.scope.tasks],
    bases: record.scope.bases.join(" "),
    limitations: record.limitations ?? "",
    effective: day(record.effective),
    expiry: day(record.expiry),
    continuationTraining: day(record.continuationTraining),
    experienceFrom: day(record.experience?.[0]?.from),
    experienceTo: day(record.experience?.[0]?.to),
  };
}

function toggle(values: string[], value: string, on: boolean) {
  return on ? [...values, value] : values.filter((existing) => existing !== value);
}

/** The fields a type with recency needs that the draft lacks, each with this message. */
export function missingRecency(draft: Draft, message: string): { field: string; message: string }[] {
  const missing: { field: string; message: string }[] = [];
  if (!draft.continuationTraining) missing.push({ field: "continuationTraining", message });
  if (!draft.experienceFrom || !draft.experienceTo) missing.push({ field: "experience", message });
  return missing;
}

/** The message of each lifecycle step, spelled out: a key made from the step ("suspend" + "d") once showed a raw key. */
const DONE = {
  suspend: "mxAuthorization-suspended",
  reinstate: "mxAuthorization-reinstated",
  revoke: "mxAuthorization-revoked",
} as const;

/** A person's personnel authorizations: the records with their state, lifecycle, correction, and the grant form. */
export function AuthorizationsPage() {
  const { userId = "" } = useParams();
  const { t } = useTranslation();
  const mx = useMx();
  const base = `/users/${encodeURIComponent(userId)}/authorizations`;
  // The account the grant is issued by (?account=alias, from the person page); without it the server
  // takes the only account of the person's the caller grants in, and asks (400 on "account") otherwise.
  const [search] = useSearchParams();
  const account = search.get("account") ?? undefined;
  const records = useLoad(() => mx.get<Authorization[]>(base), [userId]);
  const { catalog: authorizationCatalog, error: catalogError } = useAuthorizationCatalog();
  const lifecycle = useAction(records.reload);
  const grant = useAction(records.reload);
  const [reason, setReason] = useState("");
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // The record being corrected (the form then corrects it, with a reason, instead of granting a new one).
  const [correcting, setCorrecting] = useState<Authorization>();
  const [correctionReason, setCorrectionReason] = useState("");
  const startCorrection = (record: Authorization) => {
    setCorrecting(record);
    setCorrectionReason("");
    setDraft(fromRecord(record));
    document.getElementById("grant-form")?.scrollIntoView();
  };
  const stopCorrection = () => {
    setCorrecting(undefined);
    setCorrectionReason("");
    setDraft(EMPTY);
  };
  const type = authorizationCatalog.types.find((candidate) => candidate.id === draft.type);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  const change = (record: Authorization, step: "suspend" | "reinstate" | "revoke") =>
    lifecycle.run(() => mx.post(`${base}/${record.id}/${step}`, { reason }), t(DONE[step], { reference: record.reference }));

  const submit = async () => {
    // A type that requires recency (certifying staff, B1/B2) is not usable at signoff without the
    // person's continuation training and experience: ask for them here rather than record a record
    // that reads "valid" and then fails at the aircraft.
    const missing = type?.requiresRecency ? missingRecency(draft, t("mxRequiredForType", { type: t(`mxAuthorizationType-${type.id}`, type.name) })) : [];
    if (correcting) {
      if (!correctionReason.trim()) missing.push({ field: "reason", message: t("mxCorrectionReasonRequired") });
      const corrected = { ...toRecord(draft, type?.requiresLicence ?? false), firstIssue: correcting.firstIssue };
      const call = missing.length
        ? () => Promise.reject(new MxError(400, "invalid_request", t("mxCompleteTheForm"), missing))
        : () => mx.post(`${base}/${encodeURIComponent(correcting.id ?? "")}/correct`, { reason: correctionReason.trim(), authorization: corrected });
      if (await grant.run(call, t("mxCorrected", { reference: draft.reference }))) stopCorrection();
      return;
    }
    const call = missing.length
      ? () => Promise.reject(new MxError(400, "invalid_request", t("mxCompleteTheForm"), missing))
      : () => mx.post(base, { ...toRecord(draft, type?.requiresLicence ?? false), account });
    if (await grant.run(call, (answer: unknown) =>
      // A certifying authority waits for a second compliance officer (202 with the pending approval).
      (answer as { status?: string } | undefined)?.status === "pending"
        ? t("mxGrantPending", { reference: draft.reference })
        : t("mxGranted", { reference: draft.reference }))) {
      setDraft(EMPTY);
    }
  };

  const field = (name: string) => ({ validated: validated(grant.error, name) });

  return (
    <Page title={t("mxPersonnelAuthorizations")} description={t("mxAuthorizationsDescription")}>
      <ErrorAlert error={records.error ?? lifecycle.error ?? catalogError} />
      <SuccessAlert message={lifecycle.done} />
      <Table aria-label={t("mxPersonnelAuthorizations")} variant="compact" data-testid="authorizations">
        <Thead>
          <Tr>
            <Th>{t("mxReference")}</Th>
            <Th>{t("mxAccount")}</Th>
            <Th>{t("mxType")}</Th>
            <Th>{t("mxScope")}</Th>
            <Th>{t("mxState")}</Th>
            <Th>{t("mxValidUntil")}</Th>
            <Th screenReaderText={t("mxActions")} />
          </Tr>
        </Thead>
        <Tbody>
          {records.data?.map((record) => (
            <Tr key={record.id} data-testid={`authorization-${record.reference}`}>
              <Td dataLabel={t("mxReference")}>{record.reference}</Td>
              <Td dataLabel={t("mxAccount")} data-testid="issued-by">{record.accountName ?? record.accountAlias ?? "—"}</Td>
              <Td dataLabel={t("mxType")}>{t(`mxAuthorizationType-${record.type}`, authorizationCatalog.types.find((candidate) => candidate.id === record.type)?.name ?? record.type)}</Td>
              <Td dataLabel={t("mxScope")}>{[...record.scope.aircraft, ...record.scope.tasks, ...record.scope.bases].join(", ")}</Td>
              <Td dataLabel={t("mxState")}>
                <Label color={record.state === "valid" ? "green" : "orange"} data-testid="state">
                  {t(`mxRecordState-${record.state}`, record.state ?? "")}
                </Label>
                {record.statusReason && <div>{record.statusReason}</div>}
                {record.usableAtSignoff === false && record.state === "valid" && (
                  <div data-testid="unusable">{t("mxNotUsableAtSignoff", { reasons: (record.unusableBecause ?? []).join(", ") })}</div>
                )}
              </Td>
              <Td dataLabel={t("mxValidUntil")}>{record.validUntil?.substring(0, 10) ?? "—"}</Td>
              <Td isActionCell>
                {record.status === "active" && (
                  <Button size="sm" variant="secondary" data-testid="suspend" onClick={() => change(record, "suspend")}>
                    {t("mxSuspend")}
                  </Button>
                )}
                {record.status === "suspended" && (
                  <Button size="sm" variant="secondary" data-testid="reinstate" onClick={() => change(record, "reinstate")}>
                    {t("mxReinstate")}
                  </Button>
                )}{" "}
                {record.status !== "revoked" && (
                  <Button size="sm" variant="secondary" data-testid="correct" onClick={() => startCorrection(record)}>
                    {t("mxCorrect")}
                  </Button>
                )}{" "}
                {record.status !== "revoked" && (
                  <Button size="sm" variant="secondary" isDanger data-testid="revoke" onClick={() => change(record, "revoke")}>
                    {t("mxRevoke")}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Form className="pf-v5-u-mt-sm" onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("mxLifecycleReason")} fieldId="lifecycle-reason">
          <TextInput id="lifecycle-reason" data-testid="lifecycle-reason" value={reason} onChange={(_, value) => setReason(value)} />
          <FieldProblem error={lifecycle.error} field="reason" />
        </FormGroup>
      </Form>

      <Form className="pf-v5-u-mt-xl" id="grant-form" data-testid="grant-form" onSubmit={(event) => event.preventDefault()}>
        <FormSection title={correcting ? t("mxCorrectTitle", { reference: correcting.reference }) : t("mxGrant")} titleElement="h2">
          {correcting && (
            <FormGroup label={t("mxCorrectionReason")} fieldId="correction-reason" isRequired>
              <TextInput id="correction-reason" data-testid="correction-reason" value={correctionReason} {...field("reason")}
                onChange={(_, value) => setCorrectionReason(value)} />
              <FieldProblem error={grant.error} field="reason" />
              <FieldProblem error={grant.error} field="authorization" />
            </FormGroup>
          )}
          <FormGroup label={t("mxType")} fieldId="type" isRequired>
            <FormSelect id="type" data-testid="type" value={draft.type} {...field("type")} isDisabled={Boolean(correcting)}
              onChange={(_, value) => set({ type: value, category: "" })}>
              <FormSelectOption value="" label={t("mxChoose")} isPlaceholder />
              {authorizationCatalog.types.map((option) => (
                <FormSelectOption key={option.id} value={option.id} label={t(`mxAuthorizationType-${option.id}`, option.name)} />
              ))}
            </FormSelect>
            <FieldProblem error={grant.error} field="type" />
            <FieldProblem error={grant.error} field="account" />
          </FormGroup>
          <FormGroup label={t("mxReference")} fieldId="reference" isRequired>
            <TextInput id="reference" data-testid="reference" value={draft.reference} {...field("reference")} onChange={(_, value) => set({ reference: value })} />
            <FieldProblem error={grant.error} field="reference" />
          </FormGroup>
        </FormSection>
        <FormSection title={t("mxLicence")} titleElement="h3">
          <FormGroup label={t("mxLicenceAuthority")} fieldId="licence-authority" isRequired={type?.requiresLicence}>
            <TextInput id="licence-authority" data-testid="licence-authority" value={draft.authority} {...field("licence.authority")} onChange={(_, value) => set({ authority: value })} />
            <FieldProblem error={grant.error} field="licence.authority" />
          </FormGroup>
          <FormGroup label={t("mxLicenceNumber")} fieldId="licence-number" isRequired={type?.requiresLicence}>
            <TextInput id="licence-number" data-testid="licence-number" value={draft.number} {...field("licence.number")} onChange={(_, value) => set({ number: value })} />
            <FieldProblem error={grant.error} field="licence.number" />
          </FormGroup>
          <FormGroup label={t("mxLicenceCategory")} fieldId="licence-category" isRequired={type?.requiresLicence}>
            <FormSelect id="licence-category" data-testid="licence-category" value={draft.category} {...field("licence.category")} onChange={(_, value) => set({ category: value })}>
              <FormSelectOption value="" label={t("mxChoose")} isPlaceholder />
              {(type?.licenceCategories ?? []).map((category) => (
                <FormSelectOption key={category} value={category} label={category} />
              ))}
            </FormSelect>
            <FieldProblem error={grant.error} field="licence.category" />
          </FormGroup>
          <FormGroup label={t("mxLicenceExpiry")} fieldId="licence-expiry">
            <DatePicker inputProps={{ id: "licence-expiry", "data-testid": "licence-expiry" } as object} value={draft.licenceExpiry} onChange={(_, value) => set({ licenceExpiry: value })} />
            <FieldProblem error={grant.error} field="licence.expiry" />
          </FormGroup>
        </FormSection>
        <FormSection title={t("mxScope")} titleElement="h3">
          <FormGroup label={t("mxAircraft")} fieldId="aircraft" isRequired role="group">
            <div className="mx-choices" data-testid="aircraft">
              {[...authorizationCatalog.aircraftGroups, ...authorizationCatalog.aircraftTypes].map((aircraft) => (
                <Checkbox
                  key={aircraft}
                  id={`aircraft-${aircraft}`}
                  data-testid={`aircraft-${aircraft}`}
                  label={aircraft}
                  isChecked={draft.aircraft.includes(aircraft)}
                  onChange={(_, on) => set({ aircraft: toggle(draft.aircraft, aircraft, on) })}
                />
              ))}
            </div>
            <FieldProblem error={grant.error} field="scope.aircraft" />
          </FormGroup>
          <FormGroup label={t("mxTasks")} fieldId="tasks" isRequired role="group">
            <div className="mx-choices" data-testid="tasks">
              {authorizationCatalog.taskCategories.map((task) => (
                <Checkbox
                  key={task}
                  id={`task-${task}`}
                  data-testid={`task-${task}`}
                  label={task}
                  isChecked={draft.tasks.includes(task)}
                  onChange={(_, on) => set({ tasks: toggle(draft.tasks, task, on) })}
                />
              ))}
            </div>
            <FieldProblem error={grant.error} field="scope.tasks" />
          </FormGroup>
          <FormGroup label={t("mxBases")} fieldId="bases">
            <TextInput id="bases" data-testid="bases" value={draft.bases} {...field("scope.bases")} onChange={(_, value) => set({ bases: value })} />
            <FieldProblem error={grant.error} field="scope.bases" />
          </FormGroup>
          <FormGroup label={t("mxLimitations")} fieldId="limitations">
            <TextArea id="limitations" data-testid="limitations" value={draft.limitations} onChange={(_, value) => set({ limitations: value })} />
            <FieldProblem error={grant.error} field="limitations" />
          </FormGroup>
        </FormSection>
        <FormSection title={t("mxValidity")} titleElement="h3">
          <FormGroup label={t("mxEffective")} fieldId="effective" isRequired>
            <DatePicker inputProps={{ id: "effective", "data-testid": "effective" } as object} value={draft.effective} onChange={(_, value) => set({ effective: value })} />
            <FieldProblem error={grant.error} field="effective" />
          </FormGroup>
          <FormGroup label={t("mxExpiry")} fieldId="expiry" isRequired>
            <DatePicker inputProps={{ id: "expiry", "data-testid": "expiry" } as object} value={draft.expiry} onChange={(_, value) => set({ expiry: value })} />
            <FieldProblem error={grant.error} field="expiry" />
          </FormGroup>
          <FormGroup label={t("mxContinuationTraining")} fieldId="continuation-training" isRequired={type?.requiresRecency}>
            <DatePicker inputProps={{ id: "continuation-training", "data-testid": "continuation-training" } as object} value={draft.continuationTraining} onChange={(_, value) => set({ continuationTraining: value })} />
            <FieldProblem error={grant.error} field="continuationTraining" />
          </FormGroup>
          <FormGroup label={t("mxExperienceFrom")} fieldId="experience-from" isRequired={type?.requiresRecency}>
            <DatePicker inputProps={{ id: "experience-from", "data-testid": "experience-from" } as object} value={draft.experienceFrom} onChange={(_, value) => set({ experienceFrom: value })} />
          </FormGroup>
          <FormGroup label={t("mxExperienceTo")} fieldId="experience-to" isRequired={type?.requiresRecency}>
            <DatePicker inputProps={{ id: "experience-to", "data-testid": "experience-to" } as object} value={draft.experienceTo} onChange={(_, value) => set({ experienceTo: value })} />
            <FieldProblem error={grant.error} field="experience" />
          </FormGroup>
        </FormSection>
        <ErrorAlert error={grant.error} />
        <SuccessAlert message={grant.done} />
        <ActionGroup>
          {correcting ? (
            <>
              <Button variant="primary" data-testid="save-correction" onClick={submit}>{t("mxSaveCorrection")}</Button>
              <Button variant="link" data-testid="cancel-correction" onClick={stopCorrection}>{t("mxCancel")}</Button>
            </>
          ) : (
            <Button variant="primary" data-testid="grant" onClick={submit}>{t("mxGrant")}</Button>
          )}
        </ActionGroup>
      </Form>
    </Page>
  );
}
