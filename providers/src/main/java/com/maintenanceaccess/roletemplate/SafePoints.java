package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.roletemplate.Plan.Change;
import com.maintenanceaccess.roletemplate.Plan.Op;

/**
 * Where an apply, which runs without Hibernate's automatic flush
 * ({@link ApplyPersistence#withoutAutoFlush}), writes to the database itself:
 *
 * <ul>
 *   <li>before every delete: Keycloak removes roles, scopes and links with bulk statements
 *       that only see what has been flushed, so everything pending goes first, as the
 *       automatic flush before those statements used to do;</li>
 *   <li>after every {@code interval} changes, flushing and clearing the persistence
 *       context: each flush dirty-checks every entity in it, and Keycloak flushes once per
 *       created role, so an unbounded context made the apply quadratic.</li>
 * </ul>
 */
record SafePoints(int interval) {

    /** About four entities per change: a hundred changes keep each flush cheap and the re-reads after a clear few. */
    static final SafePoints DEFAULT = new SafePoints(100);

    SafePoints {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
    }

    boolean flushBefore(Change change) {
        return change.op() == Op.DELETE;
    }

    /** @param executed how many changes have run so far (1 after the first) */
    boolean clearAfter(int executed) {
        return executed % interval == 0;
    }
}
