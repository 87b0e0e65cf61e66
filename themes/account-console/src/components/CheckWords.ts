import { useTranslation } from "react-i18next";
import type { Check } from "../types";
import { useTime } from "./common";
import { useTemplateName } from "./TemplateWords";

type EvidencePart = NonNullable<Check["evidenceParts"]>[number];
type EvidenceParam = NonNullable<EvidencePart["params"]>[number];

/**
 * What a check found (setup review, "why can't they see") in the page's language: each part's
 * message key "mxEvidence.*" with its parameters in words, by their kind (review/EvidenceParam: a
 * template by its name, an authorization type, a reason and a date as the other pages show them),
 * the parts joined by "; " as the server's English sentence is; and the fix, its parameters
 * (fixWords) likewise. The server's English when a key is not known here (a newer server).
 */
export function useCheckWords(): { evidence: (check: Check) => string; fix: (check: Check) => string | undefined } {
  const { t, i18n } = useTranslation();
  const time = useTime();
  const templateName = useTemplateName();
  const word = (kind: string | undefined, value: string): string => {
    switch (kind) {
      case "template":
        return templateName(value);
      case "authorizationType":
        return t(`mxAuthorizationType-${value}`, value);
      case "feature":
        return t(`mxFeature-${value}`, value);
      case "area":
        return t(`mxArea-${value}`, value);
      case "reason":
        return t(`mxSignoffReason.${value}`, value);
      case "invitationStatus":
        // Inside a sentence: "the invitation is expired", "die Einladung ist abgelaufen".
        return t(`mxStatus-${value}`, value).toLocaleLowerCase(i18n.language);
      case "time":
        return time(value);
      default:
        return value;
    }
  };
  const param = (p: EvidenceParam | undefined) =>
    p ? (p.values ?? []).map((value) => word(p.kind, value)).join(", ") || "—" : undefined;
  const fill = (key: string, params: EvidenceParam[] | undefined) =>
    t(key).replace(/\{(\d+)\}/g, (whole, index: string) => param(params?.[Number(index)]) ?? whole);
  return {
    evidence: (check) => {
      const parts = check.evidenceParts ?? [];
      if (parts.length === 0 || parts.some((part) => !part.key || !i18n.exists(part.key))) return check.evidence ?? "";
      return parts.map((part) => fill(part.key as string, part.params)).join("; ");
    },
    // The fix's parameters in words (fixWords); the server's English when its key is not known here.
    fix: (check) => (check.fixKey && i18n.exists(check.fixKey) ? fill(check.fixKey, check.fixWords) : check.fix ?? undefined),
  };
}
