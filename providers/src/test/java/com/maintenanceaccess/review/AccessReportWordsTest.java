package com.maintenanceaccess.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.roletemplate.DirectorySources;
import com.maintenanceaccess.roletemplate.InputParser;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RoleModel;

/**
 * Issue 24: the access report's findings and the paths to a privileged template in words. Every
 * finding carries its detail as message keys with texts in English and German (one placeholder per
 * parameter, parameters of kinds the workspace shows); the report's CSV says it in the language
 * asked for, role templates and authorization types by their names; every path a privileged
 * template can take has its key in both languages.
 */
class AccessReportWordsTest {

    static final Path MESSAGES = Path.of("../themes/src/main/resources/theme/maintenance/account/messages");
    static final Instant NOW = ReviewRulesTest.NOW;
    static final AccessReport.Thresholds THRESHOLDS = new AccessReport.Thresholds(90, 7, 30);

    /** Findings of every category: an administrator who also works, never logged in, invited long ago, lacking and expiring records, disabled, in no account. */
    static List<AccessReport.Finding> everyCategory() {
        Instant created = NOW.minusSeconds(86400 * 100);
        List<AccessReport.Finding> findings = new ArrayList<>();
        findings.addAll(AccessReport.findings(ReviewRulesTest.with(b -> b.templates(List.of(
                new UserFacts.Template("account-administrator", true, null),
                new UserFacts.Template("certifying-staff", false, "certifying-staff"))).authorizations(Set.of())
                .expiring(List.of(new UserFacts.Expiring("inspection", "RII-9", NOW.plusSeconds(86400 * 5))))),
                null, created, THRESHOLDS, NOW));
        findings.addAll(AccessReport.findings(ReviewRulesTest.fullAccess(), NOW.minusSeconds(86400 * 120), created, THRESHOLDS, NOW));
        findings.addAll(AccessReport.findings(ReviewRulesTest.with(b -> b.invitation("pending")), null, created, THRESHOLDS, NOW));
        findings.addAll(AccessReport.findings(ReviewRulesTest.with(b -> b.enabled(false).accounts(List.of())), null, created,
                THRESHOLDS, NOW));
        return findings;
    }

    @Test
    void everyFindingHasItsDetailAsKeysWithTextsInBothLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        List<AccessReport.Finding> findings = everyCategory();
        assertEquals(new TreeSet<>(AccessReport.CATEGORIES), new TreeSet<>(findings.stream().map(AccessReport.Finding::category).toList()),
                "every category is looked at");
        for (AccessReport.Finding finding : findings) {
            assertFalse(finding.detailParts().isEmpty(), finding::toString);
            for (EvidencePart part : finding.detailParts()) {
                assertTrue(part.key().startsWith(AccessReport.DETAIL_KEYS), part.key());
                assertInWords(part, en, de);
            }
        }
    }

    @Test
    void theCsvSaysTheDetailInTheLanguageAskedWithNamesInWords() throws IOException {
        List<AccessReport.Finding> findings = everyCategory();
        AccessCatalog catalog = InputParser.parse(DirectorySources.read(Path.of("../realm-config"))).catalog();
        String german = AccessReport.csv(findings, new EvidenceWords(load("messages_de.properties"), Locale.GERMAN, catalog)::parts);
        String english = AccessReport.csv(findings, new EvidenceWords(load("messages_en.properties"), Locale.ENGLISH, catalog)::parts);
        assertTrue(german.contains("\"hat Kontoadministration\""), german);
        assertTrue(german.contains("\"Freigabeberechtigtes Personal erfordert Freigabeberechtigtes Personal (CRS)\""), german);
        assertTrue(german.contains("\"Inspektion / prüfpflichtiger Arbeitsschritt (RII) RII-9 gültig bis 2026-12-03 10:00 UTC\""), german);
        assertTrue(german.contains("\"Mitglied keines Kontos\""), german);
        assertTrue(english.contains("\"holds Account administrator\""), english);
        assertTrue(english.contains("\"Certifying staff requires Certifying staff (CRS)\""), english);
        // The detail column names no template or type as stored (the category column is the report's code).
        for (String csv : List.of(german, english)) {
            csv.lines().skip(1).map(line -> line.substring(line.lastIndexOf(",\"") + 1)).forEach(detail -> {
                assertFalse(detail.contains("certifying-staff") || detail.contains("account-administrator"), detail);
                assertFalse(detail.contains("mxFindingDetail"), detail);
            });
        }
    }

    /** Every path a privileged template can take (held in an account, direct, composite, group, parent group) in words. */
    @Test
    void everyPathToAPrivilegedTemplateHasItsWordsInBothLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties de = load("messages_de.properties");
        RoleModel admin = role("r1", "account-administrator");
        RoleModel lead = role("r2", "ops-lead", admin);
        List<PrivilegePaths.PrivilegePath> paths = new ArrayList<>();
        paths.add(PrivilegePaths.inAccount("demo-mro", "Demo MRO", null));
        paths.add(PrivilegePaths.inAccount("demo-mro", "Demo MRO", "station-lead"));
        for (PrivilegePaths.Where where : Stream.of(null, PrivilegePaths.Where.group("/admins"),
                PrivilegePaths.Where.parentGroup("/admins", "/admins/hangar")).toList()) {
            paths.addAll(PrivilegePaths.via(Stream.of(admin, lead), admin, where));
        }
        assertEquals(List.of("account demo-mro template", "account demo-mro template through composite station-lead", "direct",
                "composite ops-lead", "group /admins", "group /admins through composite ops-lead",
                "parent group /admins of /admins/hangar", "parent group /admins of /admins/hangar through composite ops-lead"),
                PrivilegePaths.texts(paths), "the English as before");
        assertEquals(8, paths.stream().map(path -> path.part().key()).distinct().count());
        for (PrivilegePaths.PrivilegePath path : paths) {
            assertInWords(path.part(), en, de);
        }
        EvidenceWords german = new EvidenceWords(de, Locale.GERMAN, null);
        List<EvidencePart> parts = new ArrayList<>(List.of(EvidencePart.of("holdsPrivileged", EvidenceParam.templates(List.of("account-administrator")))));
        parts.add(paths.get(0).part());
        parts.add(paths.get(3).part());
        parts.add(EvidencePart.of("alsoOperational"));
        assertEquals("hat die privilegierte Vorlage Kontoadministration (als Rollenvorlage im Konto Demo MRO; enthalten in der Rolle ops-lead)"
                + "; dazu operative Rollen", german.parts(parts));
    }

    static void assertInWords(EvidencePart part, Properties en, Properties de) {
        assertTrue(en.containsKey(part.key()) && de.containsKey(part.key()), part.key() + " in both languages");
        assertEquals(part.params().size(), placeholders(en.getProperty(part.key())), part.key());
        assertEquals(part.params().size(), placeholders(de.getProperty(part.key())), part.key());
        part.params().forEach(param -> assertTrue(SetupReviewWordsTest.KINDS.contains(param.kind()), param.kind()));
    }

    /** A realm role of its id and name that includes {@code included} (a composite), nothing else of Keycloak. */
    private static RoleModel role(String id, String name, RoleModel... included) {
        return (RoleModel) Proxy.newProxyInstance(RoleModel.class.getClassLoader(), new Class<?>[] {RoleModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getName" -> name;
                    case "isComposite" -> included.length > 0;
                    case "hasRole" -> Stream.of(included).anyMatch(role -> role.getId().equals(((RoleModel) args[0]).getId()));
                    case "isClientRole" -> false;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int placeholders(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(text);
        int max = 0;
        while (matcher.find()) {
            max = Math.max(max, Integer.parseInt(matcher.group(1)) + 1);
        }
        return max;
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
