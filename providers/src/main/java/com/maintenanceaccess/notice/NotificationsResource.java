package com.maintenanceaccess.notice;

import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/mx/notifications}, for realm operators: {@code POST run} runs this
 * realm's notice job now (operations, the demo and the tests; the schedule runs it anyway) and
 * answers what it did; {@code GET failed} lists the notices whose mail could not be sent yet.
 */
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    public static final String RESOURCE_TYPE = "MX_NOTICES";
    private static final int MAX_FAILED = 200;

    private final KeycloakSession session;
    private final Authority caller;
    private final Clock clock;
    private final List<NoticeSource> sources;

    public NotificationsResource(KeycloakSession session, Authority caller, Clock clock, List<NoticeSource> sources) {
        this.session = session;
        this.caller = caller;
        this.clock = clock;
        this.sources = sources;
    }

    /** The run's mails leave in transactions of their own; this request only reports and records who ran it. */
    @POST
    @Path("run")
    public NoticeJob.Summary run(String body) {
        caller.requireManageRealm();
        // The run takes no input: an empty body or {}; anything else is 400 like every /mx body.
        JsonBody.object(body, false, Set.of());
        RealmModel realm = session.getContext().getRealm();
        NoticeJob.Summary summary = new NoticeJob(session.getKeycloakSessionFactory(), clock, sources).run(realm.getId());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("sent", summary.sent());
        change.put("failed", summary.failed());
        AdminAudit.byCaller(session, caller, OperationType.ACTION, RESOURCE_TYPE, "notifications/run", change);
        return summary;
    }

    @GET
    @Path("failed")
    public List<FailedNotice> failed() {
        caller.requireViewRealm();
        return new NoticeLedger(session).failures(session.getContext().getRealm().getId(), MAX_FAILED);
    }
}
