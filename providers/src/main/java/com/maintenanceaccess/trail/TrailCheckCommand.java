package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;

/**
 * The offline check of an exported trail, for an auditor without access to the server:
 * {@code scripts/verify-trail.sh export.json}, or
 * {@code java -cp maintenance-access-providers.jar:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar
 * com.maintenanceaccess.trail.TrailCheckCommand export.json}.
 * Reads both a realm-wide export ({@value TrailExport#FORMAT}) and an account's export
 * ({@value AccountExport#FORMAT}, whose entries of other accounts are hashes only).
 * Prints the result and exits 0 when the chain is intact, 1 when an entry is altered or
 * missing, 2 when the file cannot be read.
 */
public final class TrailCheckCommand {

    private TrailCheckCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TrailCheckCommand <trail-export.json>");
            System.exit(2);
        }
        ChainCheck.Result result;
        boolean ofAccount;
        try {
            JsonNode root = new ObjectMapper().readTree(new File(args[0]));
            ofAccount = AccountExport.FORMAT.equals(root.path("format").asText());
            result = verify(root);
        } catch (Exception e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (result.intact()) {
            System.out.println("intact: " + result.entries() + (ofAccount ? " entries of the account" : " entries")
                    + ", last hash " + result.lastHash());
            System.exit(0);
        }
        System.out.println("BROKEN at entry " + result.firstBadSeq() + ": " + result.problem());
        System.exit(1);
    }

    /** Either export format, told apart by its {@code format} field. */
    public static ChainCheck.Result verify(JsonNode root) {
        return AccountExport.FORMAT.equals(root.path("format").asText()) ? AccountExport.verify(root) : TrailExport.verify(root);
    }
}
