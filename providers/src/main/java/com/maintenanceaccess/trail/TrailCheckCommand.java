package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;

/**
 * The offline check of an exported trail, for an auditor without access to the server:
 * {@code scripts/verify-trail.sh export.json}, or
 * {@code java -cp maintenance-access-providers.jar:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar
 * com.maintenanceaccess.trail.TrailCheckCommand export.json}.
 * With {@code --pruned-head SEQ:HASH} it checks the export of a chain an operator pruned, from
 * the last pruned entry's number and hash that they recorded (docs/signoffs.md, "Retention").
 * Reads both a realm-wide export ({@value TrailExport#FORMAT}) and an account's export
 * ({@value AccountExport#FORMAT}, whose entries of other accounts are hashes only).
 * Prints the result and exits 0 when the chain is intact, 1 when an entry is altered or
 * missing, 2 when the file cannot be read.
 */
public final class TrailCheckCommand {

    private TrailCheckCommand() {
    }

    public static void main(String[] args) {
        boolean pruned = args.length == 3 && args[0].equals("--pruned-head");
        if (args.length != 1 && !pruned) {
            System.err.println("usage: TrailCheckCommand [--pruned-head SEQ:HASH] <trail-export.json>");
            System.exit(2);
        }
        String file = args[args.length - 1];
        ChainCheck.Result result;
        boolean ofAccount;
        try {
            ChainCheck.Start start = pruned ? ChainCheck.Start.parse(args[1]) : ChainCheck.Start.GENESIS;
            JsonNode root = new ObjectMapper().readTree(new File(file));
            ofAccount = AccountExport.FORMAT.equals(root.path("format").asText());
            result = verify(root, start);
        } catch (Exception e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
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
        return verify(root, ChainCheck.Start.GENESIS);
    }

    /** The same from a pruned head (the operator's record of what was pruned). */
    public static ChainCheck.Result verify(JsonNode root, ChainCheck.Start start) {
        return AccountExport.FORMAT.equals(root.path("format").asText())
                ? AccountExport.verify(root, start) : TrailExport.verify(root, start);
    }
}
