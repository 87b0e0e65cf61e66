package com.maintenanceaccess.it.platform;

/**
 * One upgrade that the shared server does at its start, in the phases {@link UpgradeAtStartIT}
 * runs for all of them on the same two restarts. Each phase is one call; assertions of a phase
 * while the server is stopped are reported by the scenario's next test.
 */
interface UpgradeScenario {

    /** While the server runs: the state to upgrade, made through the API. */
    void prepare() throws Exception;

    /** While the server is stopped: the older release's form written into its database. */
    void writeOlderRelease() throws Exception;

    /** After the start on that database: what the upgrade made of it. */
    void checkUpgraded() throws Exception;

    /** While the server is stopped again: what to read or write before the next start. */
    default void whileStoppedAgain() throws Exception {
    }

    /** After the next start: it changed nothing; then any checks that follow through the API. */
    void checkNextStart() throws Exception;
}
