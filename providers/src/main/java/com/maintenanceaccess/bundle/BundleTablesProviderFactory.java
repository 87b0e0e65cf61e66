package com.maintenanceaccess.bundle;

import com.maintenanceaccess.bundle.storage.AccessReviewEntity;
import com.maintenanceaccess.bundle.storage.AccessReviewItemEntity;
import com.maintenanceaccess.bundle.storage.ApprovalEntity;
import com.maintenanceaccess.bundle.storage.NoticeEntity;
import com.maintenanceaccess.bundle.storage.ScimTokenEntity;
import com.maintenanceaccess.bundle.storage.SignoffAuthenticationEntity;
import com.maintenanceaccess.bundle.storage.SignoffProofEntity;
import com.maintenanceaccess.bundle.storage.TrailEntryEntity;
import com.maintenanceaccess.bundle.storage.TrailHeadEntity;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The bundle's own tables, declared to Keycloak the way Keycloak declares its own: JPA entities
 * plus a Liquibase changelog ({@value #CHANGELOG}). Keycloak runs the changelog at start, before
 * {@code PostMigrationEvent}, on whichever database it is configured for, and records what ran
 * in a changelog table of this factory's own ({@code DATABASECHANGELOG_MX_TABLES}). A database
 * that already holds the tables of release 0.1 (created by hand-written DDL at start) is adopted:
 * the changelog's preconditions mark those change sets as ran and keep the rows
 * (docs/operations.md, "Upgrading in place").
 */
public class BundleTablesProviderFactory implements JpaEntityProviderFactory, ReportsBundleVersion {

    public static final String ID = "mx-tables";
    static final String CHANGELOG = "META-INF/mx-tables-changelog.xml";

    /** Every entity of the bundle, each one table. */
    public static final List<Class<?>> ENTITIES = List.of(TrailEntryEntity.class, TrailHeadEntity.class,
            SignoffProofEntity.class, ScimTokenEntity.class, SignoffAuthenticationEntity.class, ApprovalEntity.class,
            NoticeEntity.class, AccessReviewEntity.class, AccessReviewItemEntity.class);

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return ENTITIES;
        }

        @Override
        public String getChangelogLocation() {
            return CHANGELOG;
        }

        @Override
        public String getFactoryId() {
            return ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
