import { Label } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

/** An invitation's state in colour (invitations, people, a person, one's own): what needs someone's attention stands out. */
export function StatusLabel({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === "accepted" ? "green" : status === "pending" ? "blue" : status === "revoked" ? "grey" : "orange";
  return <Label color={color} data-testid="status">{t(`mxStatus-${status}`, status)}</Label>;
}
