package com.maintenanceaccess.it.clock;

import com.maintenanceaccess.bundle.MxClockProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The integration tests' clock for the bundle's {@code mx-clock} SPI. It is not part of the
 * bundle: the build packs this package into a jar of its own
 * ({@code maintenance-access-integration-tests-…-test-clock.jar}) and copies it only into the
 * tests' copy of the distribution, so a production server cannot switch it on. Its higher
 * {@link #order()} makes it the default over the bundle's {@code system} clock.
 *
 * <p>It is the system clock, shifted by the duration written in {@value #FILE} under the server's
 * home (an ISO-8601 duration, e.g. {@code PT48H}); without that file it is the system clock, so
 * every test but the few that move time runs on the real time. A test moves it with
 * {@code it/support/ServerClock} and moves it back when done.
 */
public class ShiftedClockProviderFactory implements MxClockProviderFactory {

    public static final String PROVIDER_ID = "it-shifted";
    public static final String FILE = "data/mx-test-clock-offset";
    private static final Logger LOG = Logger.getLogger(ShiftedClockProviderFactory.class);

    private Clock clock;

    @Override
    public void init(Config.Scope config) {
        Path file = Path.of(System.getProperty("kc.home.dir", ".")).resolve(FILE);
        clock = new Shifted(file);
        LOG.warnf("mx-clock: the integration tests' clock is installed (its shift is read from %s); never on a production server",
                file);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** The system clock plus the duration the file holds now. */
    private static final class Shifted extends Clock {

        private final Clock system = Clock.systemUTC();
        private final Path file;

        Shifted(Path file) {
            this.file = file;
        }

        @Override
        public Instant instant() {
            return system.instant().plus(offset());
        }

        private Duration offset() {
            try {
                return Duration.parse(Files.readString(file).trim());
            } catch (NoSuchFileException e) {
                return Duration.ZERO;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the bundle's clock is UTC");
        }
    }
}
