package com.maintenanceaccess.review.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    private static final Instant JAN_31 = Instant.parse("2027-01-31T10:00:00Z");

    @Test
    void offWithoutMonthsAndAtOnceWithoutAReview() {
        assertEquals(Optional.empty(), ReviewSchedule.due(null, 0, JAN_31));
        assertEquals(Optional.of(JAN_31), ReviewSchedule.due(null, 6, JAN_31));
    }

    @Test
    void everyNMonthsFromTheLastStart() {
        Instant last = Instant.parse("2027-01-15T08:00:00Z");
        assertEquals(Optional.empty(), ReviewSchedule.due(last, 6, Instant.parse("2027-07-15T07:59:59Z")));
        assertEquals(Optional.of(Instant.parse("2027-07-15T08:00:00Z")),
                ReviewSchedule.due(last, 6, Instant.parse("2027-07-15T08:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2027-07-15T08:00:00Z")),
                ReviewSchedule.due(last, 6, Instant.parse("2027-09-01T00:00:00Z")), "late, once, for the start it was due");
        // Calendar months: the end of a short month.
        assertEquals(Optional.of(Instant.parse("2027-02-28T10:00:00Z")),
                ReviewSchedule.due(JAN_31, 1, Instant.parse("2027-03-01T00:00:00Z")));
    }

    @Test
    void remindersSevenDaysAndOneDayBeforeTheEndTheNearestOnly() {
        Instant ends = Instant.parse("2027-03-01T00:00:00Z");
        assertEquals(Optional.empty(), ReviewSchedule.reminderDay(ends, Instant.parse("2027-02-21T23:59:59Z")));
        assertEquals(Optional.of(7), ReviewSchedule.reminderDay(ends, Instant.parse("2027-02-22T00:00:00Z")));
        assertEquals(Optional.of(7), ReviewSchedule.reminderDay(ends, Instant.parse("2027-02-27T23:59:59Z")));
        assertEquals(Optional.of(1), ReviewSchedule.reminderDay(ends, Instant.parse("2027-02-28T00:00:00Z")));
        assertEquals(Optional.empty(), ReviewSchedule.reminderDay(ends, ends), "ended: the close, no reminder");
    }

    @Test
    void theAttributeIsOneToTwentyFourMonthsElseOff() {
        assertEquals(6, ReviewSchedule.months(" 6 "));
        assertEquals(24, ReviewSchedule.months("24"));
        assertEquals(0, ReviewSchedule.months("25"));
        assertEquals(0, ReviewSchedule.months("0"));
        assertEquals(0, ReviewSchedule.months("six"));
        assertEquals(0, ReviewSchedule.months(null));
    }
}
