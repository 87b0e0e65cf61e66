package com.maintenanceaccess.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.trail.Trail;
import com.maintenanceaccess.trail.TrailEntry;
import java.time.Instant;
import java.util.List;

/**
 * The body of a signature (or refusal) entry of the trail: who signed (id, name, the
 * authorization used and a hash of that record as it was), what, the meaning (the declaration
 * text the signer saw), when, and the proof of presence (acr, amr, auth_time, session, token
 * id). Written once; the trail's chain makes any later change visible.
 */
public final class SignatureRecord {

    /** Who, as far as known: a refusal may have no verified person. */
    public record Signer(String id, String username, String name) {
    }

    /** The proof of presence as the token said it. */
    public record Proof(String acr, Object amr, Long authTime, String sessionId, String tokenId, String client,
                        String grantType, String step) {
    }

    private SignatureRecord() {
    }

    /**
     * {@code account} is the organization id the signoff was made in (the step-up token's account;
     * null when the token named none): the one account the record belongs to. The record names no
     * other account of the signer's, so an account's export carries nothing of another.
     */
    public static ObjectNode build(boolean accepted, List<String> reasons, Signer signer, String account,
                                   PersonnelAuthorization authorization, SignoffRequest request, Instant at, Proof proof) {
        return build(accepted, reasons, signer, account, authorization, request, at, proof, null);
    }

    /**
     * As above, with {@code statement}: what the signer was shown and confirmed at the step-up, as
     * the step-up's token carried it (issue 23; null when the token carried none).
     */
    public static ObjectNode build(boolean accepted, List<String> reasons, Signer signer, String account,
                                   PersonnelAuthorization authorization, SignoffRequest request, Instant at, Proof proof,
                                   JsonNode statement) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("outcome", accepted ? "accepted" : "refused");
        r.put("account", account);
        ArrayNode why = r.putArray("reasons");
        reasons.forEach(why::add);
        ObjectNode who = r.putObject("signer");
        who.put("id", signer == null ? null : signer.id());
        who.put("username", signer == null ? null : signer.username());
        who.put("name", signer == null ? null : signer.name());
        if (authorization != null) {
            ObjectNode a = r.putObject("authorization");
            a.put("id", authorization.id());
            a.put("type", authorization.type());
            a.put("reference", authorization.reference());
            a.put("recordHash", recordHash(authorization));
        } else {
            r.putNull("authorization");
        }
        ObjectNode what = r.putObject("what");
        what.put("type", request.type().id());
        what.put("authorizationType", request.authorizationType());
        what.putObject("aircraft").put("registration", request.registration()).put("type", request.aircraftType());
        what.put("workOrder", request.workOrder());
        what.put("task", request.task());
        what.put("taskCategory", request.taskCategory());
        what.put("base", request.base());
        if (request.performedSignature() != null) {
            what.putObject("inspects").put("performedBy", request.performedSignature())
                    .put("certifiedBy", request.certifiedSignature());
        }
        r.put("meaning", request.declaration());
        r.set("statementShown", statement == null ? JsonNodeFactory.instance.nullNode() : statement);
        r.put("signedAt", at.toString());
        ObjectNode p = r.putObject("proof");
        if (proof != null) {
            p.put("acr", proof.acr());
            p.set("amr", proof.amr() == null ? null : JsonNodeFactory.instance.pojoNode(proof.amr()));
            if (proof.authTime() != null) {
                p.put("authTime", Instant.ofEpochSecond(proof.authTime()).toString());
            }
            p.put("sessionId", proof.sessionId());
            p.put("tokenId", proof.tokenId());
            p.put("client", proof.client());
            p.put("grant", proof.grantType());
            p.put("step", proof.step());
        }
        return r;
    }

    /** SHA-256 of the authorization record's JSON form at the moment of signing. */
    public static String recordHash(PersonnelAuthorization authorization) {
        return TrailEntry.sha256(AuthorizationJson.write(authorization, null).toString());
    }

    /** The one account a signature record belongs to ({@link Trail#signatureAccount}, the trail's rule). */
    public static String accountOf(JsonNode record) {
        return Trail.signatureAccount(record);
    }

    /** The work a signature entry signed, for the inspection rule's search of the account's records. */
    public static InspectionRule.Work work(JsonNode body) {
        JsonNode what = body.path("what");
        return new InspectionRule.Work(body.path("signer").path("id").asText(null),
                "accepted".equals(body.path("outcome").asText()), what.path("type").asText(null),
                what.path("workOrder").asText(null), what.path("task").asText(null),
                what.path("aircraft").path("registration").asText(null));
    }

    /** What an earlier signature entry says about the work it signed. */
    public static InspectionRule.Signed signed(JsonNode body) {
        JsonNode what = body.path("what");
        return new InspectionRule.Signed(body.path("signer").path("id").asText(null),
                "accepted".equals(body.path("outcome").asText()), what.path("workOrder").asText(null),
                what.path("aircraft").path("registration").asText(null), Instant.parse(body.path("signedAt").asText()));
    }
}
