package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which one account a signature record belongs to, in today's form and in the form written before. */
class SignatureAccountTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aRecordNamesItsOneAccount() throws Exception {
        assertEquals("a", SignatureRecord.accountOf(json("{\"account\":\"a\",\"signer\":{\"id\":\"u\"}}")));
        assertNull(SignatureRecord.accountOf(json("{\"account\":null,\"signer\":{\"id\":\"u\"}}")));
    }

    @Test
    void anOlderRecordBelongsToAnAccountOnlyWhenItNamesJustThatOne() throws Exception {
        assertEquals("a", SignatureRecord.accountOf(json("{\"signer\":{\"accounts\":[\"a\"]}}")));
        // Signed by a person in two accounts before signatures were made in one: nobody can tell whose.
        assertNull(SignatureRecord.accountOf(json("{\"signer\":{\"accounts\":[\"a\",\"b\"]}}")));
        assertNull(SignatureRecord.accountOf(json("{\"signer\":{\"accounts\":[]}}")));
    }
}
