package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog;
import com.maintenanceaccess.bundle.MxClockSpi;
import com.maintenanceaccess.bundle.ReportsBundleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorFactory;

/**
 * The user-profile validator of {@code mx_authorizations}, and the owner of what every part of
 * the feature shares: the catalog (bundled, or {@code catalog} = a YAML path) and the clock.
 * Other components of the feature reach them through {@link AuthorizationFeature#of}.
 */
public class PersonnelAuthorizationValidatorFactory implements ValidatorFactory, ReportsBundleVersion, AuthorizationFeature.Source {

    public static final String PROVIDER_ID = AuthorizationFeature.VALIDATOR;
    public static final String CATALOG_OPTION = "catalog";

    private AuthorizationCatalog catalog;
    private AuthorizationFeature feature;

    @Override
    public void init(Config.Scope config) {
        String path = config.get(CATALOG_OPTION);
        // Read at init so that a broken catalog fails the start; the clock comes with postInit.
        catalog = path == null || path.isBlank() ? AuthorizationCatalog.bundled() : read(Path.of(path));
    }

    private static AuthorizationCatalog read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return AuthorizationCatalog.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read authorization catalog " + path, e);
        }
    }

    @Override
    public AuthorizationFeature feature() {
        return feature;
    }

    @Override
    public Validator create(KeycloakSession session) {
        return new PersonnelAuthorizationValidator(feature);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        feature = new AuthorizationFeature(catalog, MxClockSpi.clock(factory));
        RecordKeeping.install(factory);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CATALOG_OPTION).type("string")
                .helpText("Path of an authorization-types.yaml that replaces the bundled catalog").add()
                .build();
    }
}
