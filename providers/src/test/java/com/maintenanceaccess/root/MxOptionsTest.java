package com.maintenanceaccess.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The {@code mx} provider's options, now read by the features (docs/configuration.md): the names,
 * defaults and order Provider info shows, and the messages that fail the start, as operators
 * knew them before the features owned them.
 */
class MxOptionsTest {

    /** The options as a deployment sets them, without a running server. */
    private static Config.Scope scope(Map<String, String> options) {
        return new Config.AbstractScope() {
            @Override
            public String get(String name) {
                return options.get(name);
            }

            @Override
            public Config.Scope scope(String... path) {
                throw new UnsupportedOperationException();
            }

            @Override
            @SuppressWarnings("deprecation") // deprecated in Config.Scope, yet still abstract there
            public Set<String> getPropertyNames() {
                return options.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }

    private static MxFeatures started(Map<String, String> options) {
        MxFeatures features = MxFeatures.create();
        features.all().forEach(feature -> feature.init(scope(options)));
        return features;
    }

    @Test
    void providerInfoListsEveryOptionWithItsDefaultInTheOrderItAlwaysHad() {
        List<ProviderConfigProperty> options = new MxResourceProviderFactory().getConfigMetadata();
        assertEquals(List.of("setupModeCheckInterval", "signoffAcr", "signoffAuthWindow", "signoffClient",
                "trailRetentionYears", "approvalLifetimeDays", "noticeInterval"),
                options.stream().map(ProviderConfigProperty::getName).toList());
        assertEquals(List.of("60", "signoff", "120", "maintenance-app", "3", "7", "3600"),
                options.stream().map(option -> String.valueOf(option.getDefaultValue())).toList());
    }

    @Test
    void eachFeatureReadsItsOwnOptions() {
        MxFeatures features = started(Map.of("signoffAcr", "gold", "signoffAuthWindow", "30", "signoffClient", "app",
                "trailRetentionYears", "10", "approvalLifetimeDays", "3"));
        assertEquals("gold", features.signoff().settings().acr());
        assertEquals(Duration.ofSeconds(30), features.signoff().settings().authWindow());
        assertEquals("app", features.signoff().settings().clientId());
        assertEquals(10, features.trail().retentionYears());
        assertEquals(Duration.ofDays(3), features.approval().settings().lifetime());
    }

    @Test
    void withoutOptionsTheDefaultsHold() {
        MxFeatures features = started(Map.of());
        assertEquals("signoff", features.signoff().settings().acr());
        assertEquals(Duration.ofSeconds(120), features.signoff().settings().authWindow());
        assertEquals("maintenance-app", features.signoff().settings().clientId());
        assertEquals(3, features.trail().retentionYears());
        assertEquals(Duration.ofDays(7), features.approval().settings().lifetime());
        assertEquals(1, features.notice().sources().size(), "the access reviews run with the notice job");
    }

    @Test
    void aWrongValueFailsTheStartWithTheMessageItAlwaysHad() {
        Map<String, String> refused = Map.of(
                "setupModeCheckInterval", "setupModeCheckInterval must be at least 1 second",
                "noticeInterval", "noticeInterval must be at least 1 second",
                "signoffAuthWindow", "the signoff authentication window must be positive",
                "approvalLifetimeDays", "approvalLifetimeDays must be at least 1");
        refused.forEach((option, message) -> assertEquals(message,
                assertThrows(IllegalArgumentException.class, () -> started(Map.of(option, "0"))).getMessage()));
        assertEquals("trail retention must be at least 3 years after the person left (EASA Part-145.A.35)",
                assertThrows(IllegalArgumentException.class, () -> started(Map.of("trailRetentionYears", "2"))).getMessage());
    }
}
