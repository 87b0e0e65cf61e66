package com.maintenanceaccess.bundle;

import java.util.Map;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Mixed into every factory of the bundle so that the admin console's server info
 * ("Provider info") shows which bundle version a server runs.
 */
public interface ReportsBundleVersion extends ServerInfoAwareProviderFactory {

    @Override
    default Map<String, String> getOperationalInfo() {
        return Map.of("bundle", "maintenance-access", "version", BundleVersion.VALUE);
    }
}
