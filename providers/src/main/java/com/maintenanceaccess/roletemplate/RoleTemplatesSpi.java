package com.maintenanceaccess.roletemplate;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The bundle's importer SPI, so that its options live in Keycloak's configuration:
 * {@code --spi-mx-role-templates--mx-role-templates--dir=...}.
 */
public class RoleTemplatesSpi implements Spi {

    public static final String NAME = "mx-role-templates";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RoleTemplatesImporter.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RoleTemplatesImporterFactory.class;
    }
}
