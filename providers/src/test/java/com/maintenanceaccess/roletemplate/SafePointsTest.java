package com.maintenanceaccess.roletemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.roletemplate.Plan.Change;
import com.maintenanceaccess.roletemplate.Plan.Op;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SafePointsTest {

    @Test
    void everyDeleteIsPrecededByAFlushAndNothingElseIs() {
        SafePoints points = new SafePoints(3);
        assertTrue(points.flushBefore(new Change(Op.DELETE, "role", "old", null, null)));
        assertTrue(points.flushBefore(new Change(Op.DELETE, "composite", "planner", "aircraft:view", null)));
        assertTrue(points.flushBefore(new Change(Op.DELETE, "default-scope", "maintenance-app", "maintenance:x", null)));
        assertFalse(points.flushBefore(new Change(Op.CREATE, "role", "new", null, null)));
        assertFalse(points.flushBefore(new Change(Op.UPDATE, "role", "planner", null, "description")));
        assertFalse(points.flushBefore(new Change(Op.CREATE, "composite", "planner", "aircraft:view", null)));
    }

    @Test
    void thePersistenceContextIsClearedAfterEachFullInterval() {
        SafePoints points = new SafePoints(3);
        assertEquals(List.of(3, 6, 9), IntStream.rangeClosed(1, 10).filter(points::clearAfter).boxed().toList());
    }

    @Test
    void aPlanShorterThanTheIntervalIsNeverCleared() {
        assertTrue(IntStream.rangeClosed(1, SafePoints.DEFAULT.interval() - 1).noneMatch(SafePoints.DEFAULT::clearAfter));
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SafePoints(0));
    }
}
