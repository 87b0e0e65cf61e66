import { useTranslation } from "react-i18next";
import type { Check } from "../types";
import { useCatalogWords } from "./CatalogWords";
import { useTime } from "./common";
import { useTemplateName } from "./TemplateWords";

type EvidencePart = NonNullable<Check["evidenceParts"]>[number];
type EvidenceParam = NonNullable<EvidencePart["params"]>[number];

/** The keys of the paths by which a privileged template reaches a person: shown in brackets after it. */
const PATH = "mxEvidence.path.";

/**
 * Message keys with parameters by kind (review/EvidenceParam) in the page's language: each part's
 * text with its parameters in words (a role template by its name, an authorization type, a feature,
 * an area and a permission by the access catalog's words, a reason and a date as the other pages
 * show them, an account by its name as the server sends it), the parts joined by "; " as the
 * server's English sentence is, the paths to a privileged template ("mxEvidence.path.*") in brackets
 * after it. {@code parts} answers undefined when a key is not known here (a newer server): the caller
 * then shows the server's English.
 */
export function useEvidenceWords(): {
  parts: (parts: EvidencePart[] | undefined | null) => string | undefined;
  fill: (key: string, params: EvidenceParam[] | undefined | null) => string;
} {
  const { t, i18n } = useTranslation();
  const time = useTime();
  const templateName = useTemplateName();
  const catalogWords = useCatalogWords();
  const word = (kind: string | undefined, value: string): string => {
    switch (kind) {
      case "template":
      case "role":
        // A composite role that is no bundled template keeps its name (TemplateWords).
        return templateName(value);
      case "authorizationType":
        return t(`mxAuthorizationType-${value}`, value);
      case "feature":
        return catalogWords.feature(value);
      case "area":
        return catalogWords.area(value);
      case "permission":
        return catalogWords.permission(value);
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
  const fill = (key: string, params: EvidenceParam[] | undefined | null) =>
    t(key).replace(/\{(\d+)\}/g, (whole, index: string) => param(params?.[Number(index)]) ?? whole);
  return {
    fill,
    parts: (parts) => {
      if (!parts || parts.length === 0 || parts.some((part) => !part.key || !i18n.exists(part.key))) return undefined;
      const sentences: { text: string; paths: string[] }[] = [];
      for (const part of parts) {
        const text = fill(part.key as string, part.params);
        const last = sentences[sentences.length - 1];
        if ((part.key as string).startsWith(PATH) && last) last.paths.push(text);
        else sentences.push({ text, paths: [] });
      }
      return sentences.map((s) => (s.paths.length ? `${s.text} (${s.paths.join("; ")})` : s.text)).join("; ");
    },
  };
}

/**
 * What a check found (setup review, "why can't they see") in the page's language ({@link useEvidenceWords}),
 * and the fix, its parameters (fixWords) likewise. The server's English when a key is not known here.
 */
export function useCheckWords(): { evidence: (check: Check) => string; fix: (check: Check) => string | undefined } {
  const { i18n } = useTranslation();
  const words = useEvidenceWords();
  return {
    evidence: (check) => words.parts(check.evidenceParts) ?? check.evidence ?? "",
    // The fix's parameters in words (fixWords); the server's English when its key is not known here.
    fix: (check) => (check.fixKey && i18n.exists(check.fixKey) ? words.fill(check.fixKey, check.fixWords) : check.fix ?? undefined),
  };
}
