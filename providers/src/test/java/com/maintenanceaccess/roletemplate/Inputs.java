package com.maintenanceaccess.roletemplate;

import java.util.List;

/** Small inputs for the unit tests. */
final class Inputs {

    static final String CATALOG = """
            kind: AccessCatalog
            actions: [view, create, edit, export, release]
            readOnlyActions: [view, export]
            modules:
              - id: planning
                areas:
                  - {id: aircraft, description: Aircraft, actions: [view, create, edit, export]}
                  - {id: workorders, description: Work orders, actions: [view, create, release]}
              - id: workshop
                areas:
                  - {id: tasks, description: Tasks, actions: [view, edit]}
            pages:
              - {id: planning.workorders.release, permission: "workorders:release", feature: planning, authorizationType: certifying-staff}
            """;

    private Inputs() {
    }

    static List<InputParser.Source> yaml(String... documents) {
        return List.of(new InputParser.Source("input.yaml", String.join("\n---\n", documents), false));
    }

    static RealmState desired(String... templates) {
        String[] documents = new String[templates.length + 1];
        documents[0] = CATALOG;
        System.arraycopy(templates, 0, documents, 1, templates.length);
        return DesiredStateBuilder.build(InputParser.parse(yaml(documents)));
    }

    static String template(String name, String body) {
        return "kind: RoleTemplate\nname: " + name + "\ndescription: " + name + "\n" + body;
    }
}
