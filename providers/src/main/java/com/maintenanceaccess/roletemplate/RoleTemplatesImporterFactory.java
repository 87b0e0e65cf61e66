package com.maintenanceaccess.roletemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;

/**
 * The importer's factory. Options (Keycloak provider config):
 * <ul>
 *   <li>{@code dir}: a directory laid out like realm-config/ (access-catalog.yaml and
 *       role-templates/); when set, it is applied at every server start;</li>
 *   <li>{@code realms}: the realms to apply it to (comma separated; default maintenance).</li>
 * </ul>
 * Invalid files at start are logged with every problem and change nothing; the server
 * still starts, so that a bad commit cannot lock administrators out.
 */
public class RoleTemplatesImporterFactory implements ProviderFactory<RoleTemplatesImporter>, ReportsBundleVersion {

    public static final String PROVIDER_ID = "mx-role-templates";
    public static final String EVENT_RESOURCE_TYPE = "MX_ROLE_TEMPLATES";
    public static final String EVENT_RESOURCE_PATH = "mx/role-templates";
    public static final String STARTUP_CLIENT = "mx-role-templates-startup";

    private static final Logger LOG = Logger.getLogger(RoleTemplatesImporterFactory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConcurrentMap<String, Lock> locks = new ConcurrentHashMap<>();
    private Path dir;
    private List<String> realms = List.of("maintenance");

    @Override
    public RoleTemplatesImporter create(KeycloakSession session) {
        return new RoleTemplatesImporter(session, this);
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("dir");
        dir = configured == null || configured.isBlank() ? null : Path.of(configured);
        String realmList = config.get("realms");
        if (realmList != null && !realmList.isBlank()) {
            realms = Arrays.stream(realmList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent && dir != null) {
                importAtStartup(factory);
            }
        });
    }

    Lock lockFor(String realmId) {
        return locks.computeIfAbsent(realmId, id -> new ReentrantLock());
    }

    private void importAtStartup(KeycloakSessionFactory factory) {
        if (!Files.isDirectory(dir)) {
            LOG.errorf("mx role templates: directory %s does not exist; nothing imported", dir);
            return;
        }
        for (String realmName : realms) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealmByName(realmName);
                    if (realm == null) {
                        LOG.errorf("mx role templates: realm %s does not exist; nothing imported", realmName);
                        return;
                    }
                    session.getContext().setRealm(realm);
                    Plan plan = session.getProvider(RoleTemplatesImporter.class)
                            .apply(realm, DirectorySources.read(dir), this::startupEvent);
                    LOG.infof("mx role templates: applied %s to realm %s: %d change(s) %s", dir, realmName,
                            plan.changes().size(), plan.counts());
                });
            } catch (InvalidInputException e) {
                LOG.errorf("mx role templates: %s was NOT applied to realm %s; %d problem(s):%n  %s", dir, realmName,
                        e.problems().size(), String.join("\n  ", e.problems().stream().map(Problem::message).toList()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "mx role templates: applying %s to realm %s failed", dir, realmName);
            }
        }
    }

    /** The start-up apply has no HTTP caller: its event names the importer as the client. */
    private void startupEvent(KeycloakSession session, RealmModel realm, Plan plan) {
        AdminAudit.bySystem(session, realm, STARTUP_CLIENT, OperationType.ACTION, EVENT_RESOURCE_TYPE,
                EVENT_RESOURCE_PATH, PlanSummary.event("startup:" + dir, plan));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("dir").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Directory with access-catalog.yaml and role-templates/*.yaml, applied at every start").add()
                .property().name("realms").type(ProviderConfigProperty.STRING_TYPE).defaultValue("maintenance")
                .helpText("Comma-separated realms the directory is applied to").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
