package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An account's provisioning settings, kept as organization attributes of the account
 * (docs/scim.md "Provisioning settings"), and the rules of changing them. Plain values: the
 * resource reads the attributes and the realm's templates, this class decides.
 *
 * <ul>
 *   <li>{@value #ONBOARDING}: {@code identity-provider} (the default: no mail, the person signs in
 *       through the organisation's identity provider or an administrator invites them from People)
 *       or {@code invitation} (a person the directory creates gets the bundle's invitation mail).</li>
 *   <li>{@value #MAPPING}: one value per directory group, {@code <group name>=<template>}.</li>
 *   <li>{@value #PRIVILEGED}: {@code allow} lets the directory grant privileged templates (set by a
 *       realm operator, read-only here).</li>
 * </ul>
 */
public final class ScimSettings {

    public static final String ONBOARDING = "mx.scim.onboarding";
    public static final String MAPPING = "mx.scim.group-map";
    public static final String PRIVILEGED = "mx.scim.privileged-templates";
    public static final String INVITATION = "invitation";
    public static final String IDENTITY_PROVIDER = "identity-provider";
    static final Set<String> ONBOARDINGS = Set.of(INVITATION, IDENTITY_PROVIDER);
    static final int MAX_MAPPINGS = 200;
    static final int MAX_NAME = 255;

    /** A directory group name and the role template it stands for. */
    public record GroupMapping(String group, String template) {
        String encoded() {
            return group + "=" + template;
        }
    }

    /** What the resource needs to know of a template: whether it exists and whether it is privileged. */
    public record Template(String name, boolean privileged) {
    }

    private ScimSettings() {
    }

    /**
     * How a person the directory creates gets in. Without the attribute, or with a value this
     * version does not know: {@code identity-provider}, which sends nothing (a mail with a link
     * that sets a login is sent only when an administrator chose it).
     */
    public static String onboarding(Map<String, List<String>> attributes) {
        List<String> values = attributes.getOrDefault(ONBOARDING, List.of());
        return values.size() == 1 && INVITATION.equals(values.get(0)) ? INVITATION : IDENTITY_PROVIDER;
    }

    public static boolean privilegedAllowed(Map<String, List<String>> attributes) {
        return attributes.getOrDefault(PRIVILEGED, List.of()).contains("allow");
    }

    /** The stored mapping, in its order; malformed values (no {@code =}) are skipped. */
    public static List<GroupMapping> mapping(Map<String, List<String>> attributes) {
        List<GroupMapping> mapping = new ArrayList<>();
        for (String entry : attributes.getOrDefault(MAPPING, List.of())) {
            int eq = entry == null ? -1 : entry.lastIndexOf('=');
            if (eq > 0 && eq < entry.length() - 1) {
                mapping.add(new GroupMapping(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()));
            }
        }
        return mapping;
    }

    /** The template a directory group name is mapped to (names compared ignoring case), if any; the last entry wins. */
    public static Optional<String> mappedTemplate(Map<String, List<String>> attributes, String group) {
        String found = null;
        for (GroupMapping entry : mapping(attributes)) {
            if (entry.group().equalsIgnoreCase(group)) {
                found = entry.template();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * An account's provisioning settings as the API answers them: {@code onboarding} invitation or
     * identity-provider, the directory groups mapped to role templates, and whether a mapping may
     * name a privileged template.
     */
    public record ProvisioningSettings(String onboarding, List<GroupMapping> groupMapping, boolean privilegedTemplatesAllowed) {
    }

    public static ProvisioningSettings view(Map<String, List<String>> attributes) {
        return new ProvisioningSettings(onboarding(attributes), mapping(attributes), privilegedAllowed(attributes));
    }

    /** A change checked: its problems (each naming its field), or the attributes after it. */
    public record Change(List<Problem> problems, Map<String, List<String>> after) {
    }

    /**
     * The attributes after a change ({@code onboarding} and/or {@code groupMapping} of the body,
     * already an object with no unknown fields), or every problem at once, naming its field
     * ({@code groupMapping[2].template}); nothing is applied when there is one.
     */
    public static Change change(Map<String, List<String>> attributes, JsonNode body,
                                Function<String, Optional<Template>> templates) {
        List<Problem> problems = new ArrayList<>();
        if (!body.has("onboarding") && !body.has("groupMapping")) {
            problems.add(Problems.problem("onboarding", "nothing to change: send onboarding and/or groupMapping"));
        }
        String onboarding = null;
        if (body.has("onboarding")) {
            JsonNode value = body.get("onboarding");
            if (value == null || !value.isTextual() || !ONBOARDINGS.contains(value.asText())) {
                problems.add(Problems.problem("onboarding", "must be \"invitation\" or \"identity-provider\""));
            } else {
                onboarding = value.asText();
            }
        }
        List<GroupMapping> mapping = null;
        if (body.has("groupMapping")) {
            mapping = mapping(body.get("groupMapping"), templates, privilegedAllowed(attributes), problems);
        }
        if (!problems.isEmpty()) {
            return new Change(List.copyOf(problems), null);
        }
        Map<String, List<String>> after = new LinkedHashMap<>(attributes);
        if (onboarding != null) {
            after.put(ONBOARDING, List.of(onboarding));
        }
        if (mapping != null) {
            if (mapping.isEmpty()) {
                after.remove(MAPPING);
            } else {
                after.put(MAPPING, mapping.stream().map(GroupMapping::encoded).toList());
            }
        }
        return new Change(List.of(), after);
    }

    private static List<GroupMapping> mapping(JsonNode list, Function<String, Optional<Template>> templates,
                                         boolean privilegedAllowed, List<Problem> problems) {
        if (list == null || !list.isArray()) {
            problems.add(Problems.problem("groupMapping", "must be a list of {\"group\": \"…\", \"template\": \"…\"}"));
            return null;
        }
        if (list.size() > MAX_MAPPINGS) {
            problems.add(Problems.problem("groupMapping", "at most " + MAX_MAPPINGS + " directory groups"));
            return null;
        }
        List<GroupMapping> mapping = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "groupMapping[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problems.add(Problems.problem(field, "must be {\"group\": \"…\", \"template\": \"…\"}"));
                continue;
            }
            List<String> unknown = new ArrayList<>();
            entry.fieldNames().forEachRemaining(name -> {
                if (!Set.of("group", "template").contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                problems.add(Problems.problem(field + "." + unknown.get(0), "unknown field"));
                continue;
            }
            String group = text(entry.get("group"));
            String template = text(entry.get("template"));
            boolean ok = true;
            if (group == null || group.isEmpty() || group.length() > MAX_NAME || group.chars().anyMatch(Character::isISOControl)) {
                problems.add(Problems.problem(field + ".group", "the directory group's name is required: 1 to " + MAX_NAME
                        + " characters, no control characters"));
                ok = false;
            } else if (!seen.add(group.toLowerCase(Locale.ROOT))) {
                problems.add(Problems.problem(field + ".group", "\"" + group + "\" is mapped twice"));
                ok = false;
            }
            Optional<Template> found = template == null || template.isEmpty() || template.length() > MAX_NAME
                    ? Optional.empty() : templates.apply(template);
            if (found.isEmpty()) {
                problems.add(Problems.problem(field + ".template", template == null || template.isEmpty()
                        ? "a role template is required" : "no role template named \"" + template + "\""));
                ok = false;
            } else if (found.get().privileged() && !privilegedAllowed) {
                problems.add(Problems.problem(field + ".template", "\"" + template + "\" is privileged, and this account does"
                        + " not let its directory grant privileged templates (a realm operator decides)"));
                ok = false;
            }
            if (ok) {
                mapping.add(new GroupMapping(group, found.get().name()));
            }
        }
        return mapping;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText().trim() : null;
    }
}
