import { Page } from "@keycloak/keycloak-account-ui";
import { ActionGroup, Button, Checkbox, DatePicker, Form, FormGroup } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useLoad } from "../components/common";
import type { AccountSettings, CatalogPage } from "../types";

/** One account's features and setup mode; the account from the switcher (?account=alias). */
export function AccountSettingsPage() {
  const { t } = useTranslation();
  const mx = useMx();
  const { account, switcher, error: meError } = useAccount();
  const pages = useLoad(() => mx.get<CatalogPage[]>("/access/pages"), []);
  const settings = useLoad(
    () => (account ? mx.get<AccountSettings>(`/accounts/${encodeURIComponent(account)}`) : Promise.resolve(undefined)),
    [account],
  );
  const save = useAction(settings.reload);
  const [features, setFeatures] = useState<string[]>([]);
  const [setupMode, setSetupMode] = useState(false);
  const [until, setUntil] = useState("");

  useEffect(() => {
    if (!settings.data) return;
    setFeatures(settings.data.features);
    setSetupMode(settings.data.setupMode.enabled);
    setUntil(settings.data.setupMode.until?.substring(0, 10) ?? "");
  }, [settings.data]);

  // The catalog's features: every feature some page needs.
  const known = [...new Set((pages.data ?? []).map((page) => page.feature).filter((feature): feature is string => !!feature))].sort();

  const submit = () =>
    save.run(
      () =>
        mx.put(`/accounts/${encodeURIComponent(account)}`, {
          features,
          setupMode: { enabled: setupMode, until: setupMode && until ? until : null },
        }),
      t("mxSettingsSaved"),
    );

  return (
    <Page title={t("mxAccountSettings")} description={t("mxAccountSettingsDescription")}>
      <div className="pf-v5-u-mb-md">{switcher}</div>
      <ErrorAlert error={meError ?? settings.error ?? pages.error} />
      {settings.data && (
        <Form className="pf-v5-u-mt-lg" data-testid="settings-form" onSubmit={(event) => event.preventDefault()}>
          <FormGroup label={t("mxFeatures")} fieldId="features" role="group">
            {known.map((feature) => (
              <Checkbox
                key={feature}
                id={`feature-${feature}`}
                data-testid={`feature-${feature}`}
                label={t(`mxFeature-${feature}`, feature)}
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
