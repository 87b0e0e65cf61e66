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
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { useCatalogWords } from "../components/CatalogWords";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useLoad, validated } from "../components/common";
import type { AccountSettings } from "../types";

/** "60, 30, 7" as numbers; a part that is not a whole number is sent as typed, so the server names the field. */
function dayList(text: string): (number | string)[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * One account's features, setup mode, notices and review schedule; the account from the switcher
 * (?account=alias). There is no switch for the notices a person gets about their own authorizations.
 */
export function AccountSettingsPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const { account, switcher, error: meError } = useAccount();
  const catalogWords = useCatalogWords();
  const settings = useLoad(
    () => (account ? mx.get<AccountSettings>(`/accounts/${encodeURIComponent(account)}`) : Promise.resolve(undefined)),
    [account],
  );
  const save = useAction(settings.reload);
  const [features, setFeatures] = useState<string[]>([]);
  const [setupMode, setSetupMode] = useState(false);
  const [until, setUntil] = useState("");
  const [leadDays, setLeadDays] = useState("");
  const [invitationDays, setInvitationDays] = useState("");
  const [officers, setOfficers] = useState(true);
  const [administrators, setAdministrators] = useState(true);
  const [everyMonths, setEveryMonths] = useState("0");
  const [undecided, setUndecided] = useState("keep");

  // The form starts from each answer the server gives (the account chosen, or saved): copied in the
  // render that brings it, not in an effect that would render once more.
  const [shown, setShown] = useState<AccountSettings>();
  if (settings.data && settings.data !== shown) {
    setShown(settings.data);
    setFeatures(settings.data.features);
    setSetupMode(settings.data.setupMode.enabled);
    setUntil(settings.data.setupMode.until?.substring(0, 10) ?? "");
    const notices = settings.data.notices;
    setLeadDays(notices ? notices.leadDays.join(", ") : "");
    setInvitationDays(notices ? notices.invitationDays.join(", ") : "");
    setOfficers(notices?.officers ?? true);
    setAdministrators(notices?.administrators ?? true);
    setEveryMonths(String(settings.data.review?.everyMonths ?? 0));
    setUndecided(settings.data.review?.undecided ?? "keep");
  }

  // The catalog's features: every feature some page needs.
  const known = [...new Set((catalogWords.catalog?.pages ?? []).map((page) => page.feature)
    .filter((feature): feature is string => !!feature))].sort();

  const submit = () =>
    save.run(
      () =>
        mx.put(`/accounts/${encodeURIComponent(account)}`, {
          features,
          setupMode: { enabled: setupMode, until: setupMode && until ? until : null },
          notices: { leadDays: dayList(leadDays), invitationDays: dayList(invitationDays), officers, administrators },
          review: { everyMonths: /^\d+$/.test(everyMonths.trim()) ? Number(everyMonths.trim()) : everyMonths, undecided },
        }),
      t("mxSettingsSaved"),
    );

  return (
    <Page title={t("mxAccountSettings")} description={t("mxAccountSettingsDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError ?? settings.error ?? catalogWords.error} />
      {settings.data && (
        <Form className="pf-v5-u-mt-lg" data-testid="settings-form" onSubmit={(event) => event.preventDefault()}>
          <FormGroup label={t("mxFeatures")} fieldId="features" role="group">
            {known.map((feature) => (
              <Checkbox
                key={feature}
                id={`feature-${feature}`}
                data-testid={`feature-${feature}`}
                label={catalogWords.feature(feature)}
                isChecked={features.includes(feature)}
                onChange={(_, on) => setFeatures(on ? [...features, feature] : features.filter((f) => f !== feature))}
              />
            ))}
            <FieldProblem error={save.error} field="features" />
          </FormGroup>
          <FormGroup label={t("mxSetupMode")} fieldId="setup-mode">
            <Checkbox id="setup-mode" data-testid="setup-mode" label={t("mxSetupModeOn")} isChecked={setupMode} onChange={(_, on) => setSetupMode(on)} />
            {settings.data.setupMode.activeNow && <p data-testid="setup-active">{t("mxSetupModeActiveNow")}</p>}
          </FormGroup>
          <FormGroup label={t("mxSetupModeUntil")} fieldId="setup-until">
            <DatePicker inputProps={{ id: "setup-until", "data-testid": "setup-until" } as object} value={until} isDisabled={!setupMode} onChange={(_, value) => setUntil(value)} />
            <FieldProblem error={save.error} field="setupMode.until" />
          </FormGroup>
          <FormSection title={t("mxNoticesSection")} titleElement="h2">
            <p>{t("mxNoticesSectionHelp")}</p>
            <FormGroup label={t("mxNoticeLeadDays")} fieldId="lead-days">
              <TextInput id="lead-days" data-testid="lead-days" value={leadDays} validated={validated(save.error, "notices.leadDays")} onChange={(_, value) => setLeadDays(value)} />
              <FieldProblem error={save.error} field="notices.leadDays" />
            </FormGroup>
            <FormGroup label={t("mxNoticeInvitationDays")} fieldId="invitation-days">
              <TextInput id="invitation-days" data-testid="invitation-days" value={invitationDays} validated={validated(save.error, "notices.invitationDays")} onChange={(_, value) => setInvitationDays(value)} />
              <FieldProblem error={save.error} field="notices.invitationDays" />
            </FormGroup>
            <FormGroup fieldId="notices-officers" role="group">
              <Checkbox id="notices-officers" data-testid="notices-officers" label={t("mxNoticeOfficers")} isChecked={officers} onChange={(_, on) => setOfficers(on)} />
              <Checkbox id="notices-administrators" data-testid="notices-administrators" label={t("mxNoticeAdministrators")} isChecked={administrators} onChange={(_, on) => setAdministrators(on)} />
            </FormGroup>
          </FormSection>
          <FormSection title={t("mxReviewSection")} titleElement="h2">
            <FormGroup label={t("mxReviewEveryMonths")} fieldId="review-every-months">
              <TextInput id="review-every-months" data-testid="review-every-months" type="number" value={everyMonths} validated={validated(save.error, "review.everyMonths")} onChange={(_, value) => setEveryMonths(value)} />
              <FieldProblem error={save.error} field="review.everyMonths" />
            </FormGroup>
            <FormGroup label={t("mxReviewUndecided")} fieldId="review-undecided">
              <FormSelect id="review-undecided" data-testid="review-undecided" value={undecided} onChange={(_, value) => setUndecided(value)}>
                <FormSelectOption value="keep" label={t("mxReviewUndecidedKeep")} />
                <FormSelectOption value="remove" label={t("mxReviewUndecidedRemove")} />
              </FormSelect>
            </FormGroup>
          </FormSection>
          <ErrorAlert error={save.error} />
          <SuccessAlert message={save.done} />
          <ActionGroup>
            <Button variant="primary" data-testid="save-settings" onClick={submit}>{t("mxSave")}</Button>
          </ActionGroup>
        </Form>
      )}
    </Page>
  );
}
