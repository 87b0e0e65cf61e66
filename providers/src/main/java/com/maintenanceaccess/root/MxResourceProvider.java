package com.maintenanceaccess.root;

import com.maintenanceaccess.signoff.SignoffSettings;
import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

public class MxResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Clock clock;
    private final SignoffSettings signoffSettings;
    private final com.maintenanceaccess.approval.ApprovalSettings approvalSettings;

    public MxResourceProvider(KeycloakSession session, Clock clock, SignoffSettings signoffSettings,
                              com.maintenanceaccess.approval.ApprovalSettings approvalSettings) {
        this.approvalSettings = approvalSettings;
        this.session = session;
        this.clock = clock;
        this.signoffSettings = signoffSettings;
    }

    @Override
    public Object getResource() {
        return new MxRootResource(session, clock, signoffSettings, approvalSettings);
    }

    @Override
    public void close() {
    }
}
