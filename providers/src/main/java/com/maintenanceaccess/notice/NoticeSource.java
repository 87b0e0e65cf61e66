package com.maintenanceaccess.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Another feature's part of each notice run (the access reviews' closes, scheduled starts and
 * reminders): it does its work in the realm, in transactions of its own, and answers the notices
 * now due, which the run claims and sends through its ledger like its own. The root hands the
 * sources to {@link NoticeFeature}, so that this package imports none of the features it runs.
 */
@FunctionalInterface
public interface NoticeSource {

    List<Notice> due(KeycloakSessionFactory factory, Clock clock, String realmId, Instant now);
}
