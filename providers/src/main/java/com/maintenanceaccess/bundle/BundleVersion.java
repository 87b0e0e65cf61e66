package com.maintenanceaccess.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this bundle, as Maven stamped it into {@code mx-bundle.properties}. */
public final class BundleVersion {

    public static final String VALUE = read();

    private BundleVersion() {
    }

    private static String read() {
        try (InputStream in = BundleVersion.class.getResourceAsStream("/mx-bundle.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
