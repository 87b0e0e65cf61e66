package com.maintenanceaccess.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.account.AccountClaimMapper;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Authority.AccountScope;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.ProblemKeys;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.SignoffCheck;
import com.maintenanceaccess.trail.Trail;
import com.maintenanceaccess.trail.TrailEntry;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;

/**
 * {@code /realms/{realm}/mx/signoffs} (docs/signoffs.md). {@code POST}: the app sends the
 * signer's freshly stepped-up access token as the bearer and what is signed; the server checks
 * the proof itself, the signer's authorization now and, for an inspection, the two-person rule,
 * then appends the signature record to the trail. A refusal is appended too, with its reasons.
 * {@code GET}: lists and exports the records (JSON or CSV).
 */
@Produces(MediaType.APPLICATION_JSON)
public class SignoffsResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIST = 1000;
    /** How many of the latest signatures the RII rule reads for the work inspected (docs/signoffs.md, limits). */
    private static final int WORK_SCAN = 5000;
    /**
     * Reasons that make the token no proof of a signoff-level authentication: such a token's
     * authentication is not recorded as used (it is refused anyway).
     */
    private static final Set<String> PROOF_REASONS = java.util.Arrays.stream(ProofCheck.Reason.values())
            .map(ProofCheck.Reason::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SignoffSettings settings;
    private final Clock clock;

    public SignoffsResource(KeycloakSession session, SignoffSettings settings, Clock clock) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "the signature, appended to the trail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignoffListing.SignoffEntry.class)))
    public Response sign(String body) {
        Instant now = clock.instant();
        // Authenticate first: only a caller with a valid, unexpired token of this realm reaches the
        // body, the catalog and the trail. Anything else is 401 and writes nothing, so that an
        // anonymous caller can neither grow the legal trail nor take its head-row lock.
        String raw = AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
        if (raw == null) {
            return refusalAnswer(Response.Status.UNAUTHORIZED, "unauthorized",
                    "the signer's access token at the signoff level is required as the bearer", List.of(), null);
        }
        AccessToken token = session.tokens().decode(raw, AccessToken.class);
        if (token == null || !Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName())
                .equals(token.getIssuer())) {
            return refusalAnswer(Response.Status.UNAUTHORIZED, "unauthorized",
                    "the token is not signed by this realm; nothing was recorded", List.of("invalid_token"), null);
        }
        if (token.getExp() == null || now.getEpochSecond() >= token.getExp()) {
            return refusalAnswer(Response.Status.UNAUTHORIZED, "unauthorized",
                    "the token has expired; nothing was recorded", List.of("token_expired"), null);
        }
        SignoffRequest request;
        try {
            JsonNode json = JsonBody.object(body, true, SignoffRequest.FIELDS);
            JsonBody.noNull(json, "aircraft", "inspects");
            request = SignoffRequest.parse(json, now);
        } catch (SignoffRequest.Invalid e) {
            return Problems.badRequestResponse(e.problems());
        }
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        if (feature.catalog().type(request.authorizationType()).isEmpty()) {
            return Problems.badRequestResponse(List.of(Problems.problem("authorizationType", "unknown authorization type '"
                    + request.authorizationType() + "' (known: " + feature.catalog().typeIds() + ")")));
        }
        Trail trail = new Trail(session);
        List<String> reasons = new ArrayList<>();
        String grantType = grantType(token);
        new ProofCheck(settings).reasons(claims(token, grantType), Urls.realmIssuer(session.getContext().getUri()
                .getBaseUri(), realm.getName()), request.signer(), now).forEach(r -> reasons.add(r.id()));
        // Sign what was shown (issue 23): the statement the person confirmed at the step-up, as the
        // step-up's token carries it, must be what the body signs, field by field.
        Optional<SignoffStatement> statement = SignoffStatement.fromClaim(token.getOtherClaims().get(SignoffStatement.CLAIM));
        if (statement.isEmpty()) {
            reasons.add("statement_missing");
        } else if (!statement.get().matches(request)) {
            reasons.add("statement_mismatch");
        }
        UserModel signer = token.getSubject() == null ? null : session.users().getUserById(realm, token.getSubject());
        UserSessionModel userSession = token.getSessionId() == null ? null
                : session.sessions().getUserSession(realm, token.getSessionId());
        if (signer == null) {
            reasons.add("unknown_signer");
        } else if (!signer.isEnabled()) {
            reasons.add("user_disabled");
        }
        if (userSession == null || signer == null || !userSession.getUser().getId().equals(signer.getId())) {
            reasons.add("session_ended");
        }
        // One authentication signs once (issue 23): a valid proof records its authentication as used
        // before anything else is decided, so a refused attempt uses it too, and of two concurrent
        // signoffs with it exactly one goes on (AuthenticationUse, a unique-key insert).
        boolean proofValid = token.getSessionId() != null && reasons.stream().noneMatch(PROOF_REASONS::contains);
        boolean usedBefore = proofValid && !AuthenticationUse.claim(session, realm.getId(), token.getSessionId(),
                token.getAuth_time(), step(token), token.getSubject(), token.getId(), now.toEpochMilli());
        if (usedBefore) {
            reasons.add("authentication_used");
            if (trail.table().proofSeen(realm.getId(), token.getId())) {
                reasons.add("token_reused");
            }
        } else if (token.getId() != null && !trail.table().useProof(realm.getId(), token.getId(), now.toEpochMilli())) {
            reasons.add("token_reused");
        }
        SignatureRecord.Proof proof = new SignatureRecord.Proof(token.getAcr(), token.getOtherClaims().get("amr"),
                token.getAuth_time(), token.getSessionId(), token.getId(), token.getIssuedFor(), grantType, step(token));
        SignatureRecord.Signer who = signer == null
                ? new SignatureRecord.Signer(token.getSubject(), null, null)
                : new SignatureRecord.Signer(signer.getId(), signer.getUsername(), name(signer));
        // The signoff is made in the step-up token's account (mx_account, which SessionAccount put
        // there: the organization chosen at login, else the only one), and the signer must still be
        // a member of it: a person removed from the account signs nothing in it.
        OrganizationModel account = account(token);
        if (account == null) {
            reasons.add("no_account");
        } else if (signer != null && !session.getProvider(OrganizationProvider.class).isMember(account, signer)) {
            reasons.add("not_a_member");
        }

        PersonnelAuthorization used = null;
        if (reasons.isEmpty()) {
            used = authorize(feature, request, signer, account.getId(), trail, now, reasons);
        }
        boolean accepted = reasons.isEmpty();
        ObjectNode record = SignatureRecord.build(accepted, reasons, who, account == null ? null : account.getId(), used,
                request, now, proof, statement.map(SignoffStatement::json).orElse(null));
        TrailEntry entry = trail.append(realm, accepted ? Trail.SIGNATURE : Trail.SIGNATURE_REFUSED, who.id(), record);
        if (!accepted) {
            return refusalAnswer(Response.Status.FORBIDDEN, "forbidden", "the signoff was refused ("
                    + String.join(", ", reasons) + "); the refusal is recorded. Nothing was signed.", reasons, entry);
        }
        return Response.status(Response.Status.CREATED).entity(SignoffListing.item(entry, record)).build();
    }

    /**
     * The signer's authorization now (the signoff check's rules, at the server's clock) and,
     * for an inspection, the two-person rule. Adds reasons; returns the record used when none.
     */
    private PersonnelAuthorization authorize(AuthorizationFeature feature, SignoffRequest request, UserModel signer,
                                             String accountId, Trail trail, Instant now, List<String> reasons) {
        Set<String> performers = Set.of();
        if (request.type() == SignoffRequest.Type.INSPECTION) {
            InspectionRule.Signed performed = signed(trail, request.performedSignature(), accountId);
            InspectionRule.Signed certified = request.certifiedSignature() == null ? null
                    : signed(trail, request.certifiedSignature(), accountId);
            InspectionRule.reasons(request, performed, certified, request.certifiedSignature() != null, now)
                    .forEach(r -> reasons.add(r.id()));
            performers = InspectionRule.signers(performed, certified);
            InspectionRule.ownWork(request, signer.getId(), work(trail, accountId))
                    .forEach(r -> reasons.add(r.id()));
        }
        SignoffCheck.Decision decision = feature.signoffCheck().decide(new SignoffCheck.Request(signer.getId(),
                        request.authorizationType(), request.aircraftType(), request.taskCategory(), performers,
                        request.base(), now, accountId), AuthorizationStore.read(signer).records());
        decision.reasons().stream().map(SignoffCheck.Reason::id).filter(id -> !reasons.contains(id)).forEach(reasons::add);
        return decision.allowed() && reasons.isEmpty() ? decision.authorization() : null;
    }

    /**
     * The account's accepted signatures, newest first, from the server's own trail (not from what
     * the body names): at most {@link #WORK_SCAN} of the realm's latest signature entries.
     */
    private List<InspectionRule.Work> work(Trail trail, String accountId) {
        return trail.table().find(realm.getId(), List.of(Trail.SIGNATURE), null, null, null, WORK_SCAN).stream()
                .map(e -> readJson(e.body()))
                .filter(body -> accountId.equals(SignatureRecord.accountOf(body)))
                .map(SignatureRecord::work)
                .toList();
    }

    /** A signature of this account; another account's is, to this inspection, one that does not exist. */
    private InspectionRule.Signed signed(Trail trail, String signatureId, String accountId) {
        return trail.table().byId(realm.getId(), signatureId)
                .filter(e -> Trail.SIGNATURE.equals(e.kind()) || Trail.SIGNATURE_REFUSED.equals(e.kind()))
                .map(e -> readJson(e.body()))
                .filter(body -> accountId.equals(SignatureRecord.accountOf(body)))
                .map(SignatureRecord::signed)
                .orElse(null);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @ApiResponse(responseCode = "200", description = "the signatures and refusals (format=json), or a CSV of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignoffList.class)),
                    @Content(mediaType = "text/csv")})
    public Response list(@QueryParam("account") String account, @QueryParam("person") String person,
                         @QueryParam("aircraft") String aircraft, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("outcome") String outcome,
                         @QueryParam("format") String format) {
        // Auditors and compliance officers of the account (or a realm-wide auditor): another
        // account is 404, as an unknown one (docs/security-model.md).
        AccountScope scope = Authority.authenticate(session).scope(account, AccountPermission.VIEW_AUTHORIZATIONS);
        SignoffListing.Query query = SignoffListing.Query.parse(scope.wholeRealm() ? null : scope.account().getId(),
                person, aircraft, from, to, outcome, format);
        Trail trail = new Trail(session);
        List<String> kinds = query.outcome() == null ? List.of(Trail.SIGNATURE, Trail.SIGNATURE_REFUSED)
                : List.of("accepted".equals(query.outcome()) ? Trail.SIGNATURE : Trail.SIGNATURE_REFUSED);
        List<TrailEntry> entries = trail.table().find(realm.getId(), kinds, query.person(), query.fromMillis(),
                query.toMillis(), MAX_LIST);
        List<SignoffListing.Row> rows = entries.stream().map(e -> new SignoffListing.Row(e, readJson(e.body())))
                .filter(query::matches).toList();
        if (query.csv()) {
            return Response.ok(SignoffListing.csv(rows), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"signoffs-" + realm.getName() + ".csv\"").build();
        }
        var head = trail.head(realm);
        return Response.ok(new SignoffList(rows.stream().map(r -> SignoffListing.item(r.entry(), r.record())).toList(),
                entries.size() == MAX_LIST, new TrailHead(head.seq(), head.hash(),
                "GET /realms/" + realm.getName() + "/mx/trail/verify; the full chain: GET /mx/trail/export"))).build();
    }

    /**
     * GET /mx/signoffs (format=json): the signatures and refusals, newest first ({@code truncated}: more
     * than the answer holds), and the trail's head with where to verify it.
     */
    public record SignoffList(List<SignoffListing.SignoffEntry> signoffs, boolean truncated, TrailHead trail) {
    }

    /** The trail's last entry when the list was read, and how to check the chain. */
    public record TrailHead(long seq, String hash, String verify) {
    }


    private Response refusalAnswer(Response.Status status, String error, String description, List<String> reasons,
                                   TrailEntry entry) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        // The sentence's message key, as every /mx error body carries it (kernel/Problems).
        ProblemKeys.Key key = ProblemKeys.of(description);
        if (key != null) {
            body.put("key", key.key());
            ArrayNode params = body.putArray("params");
            key.params().forEach(params::add);
        }
        ArrayNode list = body.putArray("reasons");
        reasons.forEach(list::add);
        if (entry != null) {
            body.putObject("refusal").put("id", entry.id()).put("seq", entry.seq()).put("hash", entry.hash());
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == Response.Status.UNAUTHORIZED) {
            answer.header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"");
        }
        return answer.build();
    }

    private static ProofCheck.Claims claims(AccessToken t, String grantType) {
        return new ProofCheck.Claims(t.getIssuer(), t.getType(), t.getIssuedFor(), t.getAcr(), t.getAuth_time(),
                t.getExp(), t.getId(), t.getSubject(), grantType);
    }

    /**
     * The grant that issued the token, as Keycloak encodes it in the token id ({@code jti}, e.g.
     * {@code onrtac:…} for an authorization code, {@code onrtrt:…} for a refresh); null when the
     * id carries none. The token's signature was verified, so the id is Keycloak's own.
     */
    private String grantType(AccessToken token) {
        TokenContextEncoderProvider encoder = session.getProvider(TokenContextEncoderProvider.class);
        if (token.getId() == null || encoder == null) {
            return null;
        }
        try {
            return encoder.getTokenContextFromTokenId(token.getId()).getGrantType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String name(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }

    /** The account the token was issued for: its {@code mx_account} claim's id, when that is an account of this realm. */
    private OrganizationModel account(AccessToken token) {
        Object claim = token.getOtherClaims().get(AccountClaimMapper.CLAIM);
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (!(claim instanceof java.util.Map<?, ?> map) || !(map.get("id") instanceof String id) || organizations == null
                || !realm.isOrganizationsEnabled()) {
            return null;
        }
        OrganizationModel account = organizations.getById(id);
        return account != null && account.isEnabled() ? account : null;
    }

    /** The signoff-level login's random id the token carries (StatementClaimMapper); null when none. */
    private static String step(AccessToken token) {
        return token.getOtherClaims().get(SignoffStatement.STEP_CLAIM) instanceof String step && step.length() <= 64
                ? step : null;
    }

    /** A record the server itself wrote to the trail (request bodies go through JsonBody). */
    private static JsonNode readJson(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("a trail record is not JSON", e);
        }
    }

}
