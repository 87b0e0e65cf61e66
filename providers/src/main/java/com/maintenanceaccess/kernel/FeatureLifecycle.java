package com.maintenanceaccess.kernel;

import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * A feature's part in the start of the {@code mx} REST provider: the options it reads from that
 * provider's scope ({@code --spi-realm-restapi-extension--mx--<option>}; the names operators set
 * before the features owned them, so that no deployment breaks on upgrade) and the jobs it
 * schedules. Each feature implements it in one entry class of its own package; the root's
 * factory lists them and delegates, and names no option and no job itself.
 */
public interface FeatureLifecycle {

    /** The options this feature reads, as the admin console's Provider info shows them. */
    List<ProviderConfigProperty> options();

    /** Reads and checks this feature's options: a wrong value fails the server start. */
    void init(Config.Scope config);

    /** Once Keycloak has migrated the database: schedules this feature's jobs on the bundle's clock. */
    default void start(KeycloakSessionFactory factory, Clock clock) {
    }

    /** An interval option in seconds: at least 1, so that a job cannot be scheduled to run without pause. */
    static long intervalSeconds(Config.Scope config, String option, long fallback) {
        long seconds = config.getLong(option, fallback);
        if (seconds < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 second");
        }
        return seconds;
    }

    /** Schedules a job on Keycloak's timer under its task name; the timer runs it on every node of a cluster. */
    static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalSeconds) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(task, intervalSeconds * 1000, task.getTaskName()));
    }
}
