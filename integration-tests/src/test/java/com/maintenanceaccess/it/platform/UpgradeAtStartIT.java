package com.maintenanceaccess.it.platform;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.maintenanceaccess.it.support.KeycloakServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.opentest4j.TestAbortedException;

/**
 * A database of an older release is upgraded when the server starts on it, once: the next start
 * changes nothing. Each upgrade is a {@link UpgradeScenario} (its Javadoc says what it proves):
 * {@link BundleTablesUpgrade}, {@link ProviderIdMigration}, {@link RecordAccountMigration},
 * {@link TemplateMigration}. They share two restarts of the shared server (each costs 20–90 s)
 * rather than two each: every scenario prepares its state through the API; one stop, in which
 * each writes its older release's form; one start; each scenario's checks of the upgrade as a
 * test of its own; one more stop (reads and writes while stopped again) and start; each
 * scenario's checks that the next start changed nothing, and what follows. A scenario whose
 * phase failed is not run further (its later tests are aborted), the others go on.
 *
 * <p>They cannot disturb one another: each writes and checks only its own people, rows and
 * realm settings, counts the admin events of its own {@code mx_kind} (and, for templates, naming
 * its own people), and no start-up migration writes the trail. The bundle's scenario keeps every
 * trail row while it replaces the tables, and its trail head must not move between its prepare
 * and its check: the others' grants append to the trail, so the bundle's scenario prepares last
 * and checks first.
 */
// Alone, no other test class beside it: it stops the shared server. Its tests one after another.
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class UpgradeAtStartIT {

    @TestFactory
    Stream<DynamicTest> anOlderReleasesDatabaseIsUpgradedAtStartOnce() {
        // The bundle's tables first: checked first, prepared last (see above).
        List<Run> runs = Stream.<UpgradeScenario>of(new BundleTablesUpgrade(), new ProviderIdMigration(),
                new RecordAccountMigration(), new TemplateMigration()).map(Run::new).toList();
        List<DynamicTest> tests = new ArrayList<>();
        List<Run> preparing = new ArrayList<>(runs);
        java.util.Collections.reverse(preparing);
        for (Run run : preparing) {
            tests.add(dynamicTest("prepare: " + run.name, () -> run.test(run.scenario::prepare)));
        }
        tests.add(dynamicTest("stop, write the older releases' forms, start", () -> KeycloakServer.whileSharedStopped(
                () -> runs.forEach(run -> run.whileStopped(run.scenario::writeOlderRelease)))));
        for (Run run : runs) {
            tests.add(dynamicTest("upgraded at start: " + run.name, () -> run.test(run.scenario::checkUpgraded)));
        }
        tests.add(dynamicTest("stop, start again", () -> KeycloakServer.whileSharedStopped(
                () -> runs.forEach(run -> run.whileStopped(run.scenario::whileStoppedAgain)))));
        for (Run run : runs) {
            tests.add(dynamicTest("the next start changes nothing: " + run.name, () -> run.test(run.scenario::checkNextStart)));
        }
        return tests.stream();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** A scenario and the first failure of its phases. */
    private static final class Run {

        private final UpgradeScenario scenario;
        private final String name;
        private Throwable failure;
        private boolean reported;

        Run(UpgradeScenario scenario) {
            this.scenario = scenario;
            this.name = scenario.getClass().getSimpleName();
        }

        /** A phase as a test: it fails with the scenario's failure while stopped, is aborted after a reported one. */
        void test(Step step) throws Throwable {
            if (failure != null) {
                if (reported) {
                    throw new TestAbortedException(name + ": not run, an earlier phase failed", failure);
                }
                reported = true;
                throw failure;
            }
            try {
                step.run();
            } catch (Throwable t) {
                failure = t;
                reported = true;
                throw t;
            }
        }

        /** A phase while the server is stopped: a failure is kept for the scenario's next test, the others go on. */
        void whileStopped(Step step) {
            if (failure != null) {
                return;
            }
            try {
                step.run();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
