import { DataList, DataListCell, DataListItem, DataListItemCells, DataListItemRow, Label } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { messageText } from "../api";
import type { Check } from "../types";
import { useCheckWords } from "./CheckWords";

/** A list of checks (setup review, explain): passed or not, the evidence and, when failed, the fix. */
export function Checks({ checks, testId }: { checks: Check[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const { evidence, fix } = useCheckWords();
  // The server's keys where it has them, its English text otherwise.
  const text = (key: string | null | undefined, params: string[] | undefined, english: string) =>
    messageText(key ?? undefined, params, english, (k) => (i18n.exists(k) ? t(k) : undefined));
  return (
    <DataList aria-label={testId} isCompact data-testid={testId}>
      {checks.map((check) => (
        <DataListItem key={check.id} data-testid={`check-${check.id}`} data-passed={check.passed}>
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="state" width={1}>
                  <Label color={check.passed ? "green" : "red"}>{check.passed ? t("mxPassed") : t("mxFailed")}</Label>
                </DataListCell>,
                <DataListCell key="title" width={2}><strong data-testid="title">{text(check.titleKey, [], check.title)}</strong></DataListCell>,
                <DataListCell key="evidence" width={3}>
                  <div data-testid="evidence">{evidence(check)}</div>
                  {!check.passed && check.fix && <div className="mx-fix" data-testid="fix">{t("mxFix")}: {fix(check)}</div>}
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
}
