package com.maintenanceaccess;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layers of the providers (docs/architecture.md, "Layers"), checked on the compiled classes:
 * <pre>
 *   root      com.maintenanceaccess.root     the /mx resource and its factory, migrations, /mx/me
 *   features  com.maintenanceaccess.&lt;feature&gt;  account, authorization, invitation, review, ...
 *   kernel    com.maintenanceaccess.kernel   authority, permissions, problems, JSON body, CSV, audit
 *   seam      com.maintenanceaccess.bundle   Keycloak's internals, the bundle's tables, the clock SPI
 * </pre>
 * A layer uses only the layers below it; nothing uses the root; a feature uses another feature
 * through that feature's top package or model, never through its rest/, flow/, admin/ or console/.
 * (The seam's own rule, that only it reaches Keycloak's JPA store, is {@code bundle.SeamBoundaryTest}.)
 */
class LayersTest {

    private static final String BASE = "com.maintenanceaccess";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** A feature's inner packages that no other feature may use. */
    private static final Pattern INNER = Pattern.compile(
            Pattern.quote(BASE) + "\\.(\\w+)\\.(rest|flow|admin|console)(\\..*)?");

    /**
     * Arrows between features that still close a cycle (the "features import each other"):
     * each is ignored by the cycle rule until it is gone, and {@link #theKnownBackArrowsAllStillExist}
     * asks for its line to be deleted then. A new arrow that closes a cycle fails the build.
     */
    private static final List<String> KNOWN_BACK_ARROWS = List.of(
            // PersonnelAuthorizationsResource and ApprovedGrant ask for an approval and send notices.
            "authorization -> approval",
            "authorization -> notice",
            // InvitationsResource asks for an approval.
            "invitation -> approval");

    @Test
    void theKernelUsesNoFeatureAndNotTheRoot() {
        noClasses().that().resideInAPackage(BASE + ".kernel..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAnyPackage(BASE + ".kernel..", BASE + ".bundle.."))))
                .because("the kernel is what every feature shares; a feature it imported would be shared by all")
                .check(CLASSES);
    }

    @Test
    void theSeamUsesNothingOfTheBundleAboveIt() {
        noClasses().that().resideInAPackage(BASE + ".bundle..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAPackage(BASE + ".bundle.."))))
                .because("bundle/ is the seam to Keycloak's internals, the lowest layer")
                .check(CLASSES);
    }

    @Test
    void nothingUsesTheRoot() {
        noClasses().that().resideOutsideOfPackage(BASE + ".root..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".root..")
                .because("the root mounts the features; a feature that reached back into it would close a circle")
                .check(CLASSES);
    }

    @Test
    void theFeaturesFormNoCycle() {
        SliceRule rule = slices().matching(BASE + ".(*)..").should().beFreeOfCycles();
        for (String arrow : KNOWN_BACK_ARROWS) {
            String[] ends = arrow.split(" -> ");
            rule = rule.ignoreDependency(resideInAPackage(BASE + "." + ends[0] + ".."),
                    resideInAPackage(BASE + "." + ends[1] + ".."));
        }
        rule.check(CLASSES);
    }

    @Test
    void theKnownBackArrowsAllStillExist() {
        Set<String> arrows = new TreeSet<>();
        for (JavaClass origin : CLASSES) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String from = feature(origin);
                String to = feature(dependency.getTargetClass());
                if (from != null && to != null && !from.equals(to)) {
                    arrows.add(from + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), KNOWN_BACK_ARROWS.stream().filter(a -> !arrows.contains(a)).toList(),
                "arrows that are gone: delete them from KNOWN_BACK_ARROWS");
    }

    @Test
    void noFeatureUsesAnotherFeaturesInnerPackages() {
        Set<String> offences = new TreeSet<>();
        for (JavaClass origin : CLASSES) {
            String from = feature(origin);
            if (from == null) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                Matcher inner = INNER.matcher(dependency.getTargetClass().getPackageName());
                if (inner.matches() && !inner.group(1).equals(from)) {
                    offences.add(origin.getName() + " -> " + dependency.getTargetClass().getName());
                }
            }
        }
        assertEquals(List.of(), List.copyOf(offences),
                "a feature offers others its top package or model; rest/, flow/, admin/ and console/ are its own");
    }

    /** The feature a class belongs to, or null for the kernel, the seam and the root. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return null;
        }
        String top = name.substring(BASE.length() + 1).split("\\.")[0];
        return Set.of("kernel", "bundle", "root").contains(top) ? null : top;
    }
}
