package com.maintenanceaccess.trail;

import com.maintenanceaccess.kernel.FeatureLifecycle;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The trail's option: how many years its records are kept after the person left (docs/signoffs.md,
 * "Retention"). It can be raised, never set below what EASA Part-145.A.35(j) asks for.
 */
public final class TrailFeature implements FeatureLifecycle {

    static final String TRAIL_RETENTION_YEARS = "trailRetentionYears";
    /** EASA Part-145.A.35(j): records of certifying staff kept at least three years after they left. */
    public static final int DEFAULT_RETENTION_YEARS = 3;

    private int retentionYears = DEFAULT_RETENTION_YEARS;

    @Override
    public List<ProviderConfigProperty> options() {
        return ProviderConfigurationBuilder.create()
                .property().name(TRAIL_RETENTION_YEARS).type("int")
                .helpText("Years the trail keeps a person's signature and authorization records after they left (at least 3).")
                .defaultValue(DEFAULT_RETENTION_YEARS).add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {
        retentionYears = checkedRetention(config.getInt(TRAIL_RETENTION_YEARS, DEFAULT_RETENTION_YEARS));
    }

    static int checkedRetention(int years) {
        if (years < DEFAULT_RETENTION_YEARS) {
            throw new IllegalArgumentException("trail retention must be at least " + DEFAULT_RETENTION_YEARS
                    + " years after the person left (EASA Part-145.A.35)");
        }
        return years;
    }

    public int retentionYears() {
        return retentionYears;
    }
}
