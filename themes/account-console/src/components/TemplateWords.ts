import { useTranslation } from "react-i18next";
import type { GrantableTemplate } from "../types";

/** What the server appends to a template's name for its read-only variant (DesiredStateBuilder). */
const READ_ONLY = "-read-only";

/**
 * A role template's description in the page's language: the bundled templates (realm-config/
 * role-templates) have theirs as message keys "mxTemplateDescription.<name>" in English and German;
 * a template an organisation wrote itself keeps the description of its file (the server's text).
 * A read-only variant reads "Read-only: <description of its template>" in either language.
 */
export function useTemplateDescription(): (template: GrantableTemplate) => string {
  const { t, i18n } = useTranslation();
  return (template) => {
    const base = template.readOnly && template.name.endsWith(READ_ONLY) ? template.name.slice(0, -READ_ONLY.length) : template.name;
    const key = `mxTemplateDescription.${base}`;
    if (!i18n.exists(key)) return template.description ?? "";
    return base === template.name ? t(key) : t("mxTemplateReadOnlyDescription", { description: t(key) });
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
    const readOnly = name.endsWith(READ_ONLY);
    const base = readOnly ? name.slice(0, -READ_ONLY.length) : name;
    const key = `mxTemplateName.${base}`;
    if (!i18n.exists(key)) return name;
    return readOnly ? t("mxTemplateReadOnlyName", { name: t(key) }) : t(key);
  };
}
