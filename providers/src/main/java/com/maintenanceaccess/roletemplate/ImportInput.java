package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.access.AccessCatalog;
import java.util.List;

/**
 * A parsed, syntactically valid input: the access catalog with its action vocabulary, and
 * the templates. Cross-references are checked later by {@link DesiredStateBuilder}.
 */
public record ImportInput(AccessCatalog catalog, List<String> actions, List<String> readOnlyActions,
                          List<RoleTemplate> templates, Node catalogNode) {
}
