import { useTranslation } from "react-i18next";
import type { GrantableTemplate } from "../types";

/** What the server appends to a template's name for its read-only variant (DesiredStateBuilder). */
const READ_ONLY = "-read-only";

/** The bundled template a name stands for, and whether it is that template's read-only variant. */
function parse(name: string): { base: string; readOnly: boolean } {
  const readOnly = name.endsWith(READ_ONLY);
  return { base: readOnly ? name.slice(0, -READ_ONLY.length) : name, readOnly };
}

/**
 * A role template's description in the page's language: the bundled templates (realm-config/
 * role-templates) have theirs as message keys "mxTemplateDescription.<name>" in English and German;
 * a template an organisation wrote itself keeps the description of its file (the server's text).
 * A read-only variant reads "Read-only: <description of its template>" in either language.
 */
export function useTemplateDescription(): (template: GrantableTemplate) => string {
  const { t, i18n } = useTranslation();
  return (template) => {
    // The server says which templates are read-only variants; a name alone may merely end alike.
    const { base, readOnly } = template.readOnly ? parse(template.name) : { base: template.name, readOnly: false };
    const key = `mxTemplateDescription.${base}`;
    if (!i18n.exists(key)) return template.description ?? "";
    return readOnly ? t("mxTemplateReadOnlyDescription", { description: t(key) }) : t(key);
  };
}

/**
 * A role template's name in the page's language: the bundled templates have theirs as message keys
 * "mxTemplateName.<name>" (Planner, Planung); a read-only variant reads "<name> (read-only)"; a
 * template an organisation wrote itself shows the name of its file.
 */
export function useTemplateName(): (name: string) => string {
  const { t, i18n } = useTranslation();
  return (name) => {
    const { base, readOnly } = parse(name);
    const key = `mxTemplateName.${base}`;
    if (!i18n.exists(key)) return name;
    return readOnly ? t("mxTemplateReadOnlyName", { name: t(key) }) : t(key);
  };
}
