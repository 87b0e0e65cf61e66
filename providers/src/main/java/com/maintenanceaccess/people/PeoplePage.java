package com.maintenanceaccess.people;

import jakarta.annotation.Nullable;
import java.util.List;

/** One page of an account's people; {@code total} is absent when a filter is on (counting would read them all). */
public record PeoplePage(int first, int max, @Nullable Long total, List<AccountPerson> people) {
}
