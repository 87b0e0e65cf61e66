package com.maintenanceaccess.roletemplate;

import java.util.List;

/**
 * A job's bundle of permissions as an organisation writes it. Permissions are names
 * ({@code workorders:release}) or patterns ({@code workorders:*}, {@code *:view});
 * {@code except} removes permissions the patterns would add; {@code includes} names other
 * templates whose roles become composites of this one.
 *
 * @param node where the template was written, for problems found later
 */
public record RoleTemplate(String name, String description, List<Node> permissions, List<Node> except,
                           List<Node> includes, boolean privileged, String requiresAuthorization,
                           boolean readOnlyVariant, Node node) {

    public static final String READ_ONLY_SUFFIX = "-read-only";

    public String readOnlyName() {
        return name + READ_ONLY_SUFFIX;
    }
}
