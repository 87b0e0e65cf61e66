package com.maintenanceaccess.notice;

import java.time.Clock;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The scheduled notice run of every realm. Keycloak's timer runs it on each node (the
 * cluster-aware runner is in Keycloak's Infinispan module, not an SPI); the claim in the bundle's
 * table is what keeps two nodes from sending a notice twice, so that is enough.
 */
public class NoticeTask implements ScheduledTask {

    public static final String TASK_NAME = "mx-notices";

    private final Clock clock;
    private final List<NoticeSource> sources;

    public NoticeTask(Clock clock, List<NoticeSource> sources) {
        this.clock = clock;
        this.sources = sources;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        // The job works in transactions of its own (claim, send, record); this session's stays idle.
        new NoticeJob(session.getKeycloakSessionFactory(), clock, sources).runAll();
    }
}
