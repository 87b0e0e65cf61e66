package com.maintenanceaccess.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliverableAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"nora.newhire@demo-mro.example", "a@b.co", "Tess.Technician@Demo-MRO.Example",
            "x@mail.xn--p1ai", " padded@example.com "})
    void deliverable(String address) {
        assertNull(DeliverableAddress.problem(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nora.newhire@demo-mro", "nora@localhost", "nora@example.c", "nora@example.123",
            "nora@-example.com", "nora@example-.com", "nora@exa_mple.com", "nora@example..com"})
    void notDeliverable(String address) {
        assertEquals(true, DeliverableAddress.problem(address) != null, address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nora", "nora@", "@example.com", "no ra@example.com"})
    void notAnAddress(String address) {
        assertEquals("must be an e-mail address", DeliverableAddress.problem(address));
    }

    @org.junit.jupiter.api.Test
    void missing() {
        assertEquals("is required", DeliverableAddress.problem(" "));
        assertEquals("is required", DeliverableAddress.problem(null));
    }
}
