package com.maintenanceaccess.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server JVM's heap while a step runs: {@code jstat -gc <pid> 250} (the JDK's own tool,
 * reading the JVM's performance counters without attaching) prints the generations' use
 * every 250 ms; the sampler keeps the largest. Used heap includes garbage not yet collected,
 * so the old generation's peak is reported too: what survived young collections, the closer
 * figure for what a step holds on to.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private volatile long peakUsedKb;
    private volatile long peakOldKb;

    private HeapSampler(long pid) throws IOException {
        String jstatPath = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        jstat = new ProcessBuilder(jstatPath, "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapSampler start(ProcessHandle jvm) {
        try {
            return new HeapSampler(jvm.pid());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jstat", e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                } else if (header != null && cells.size() == header.size()) {
                    double old = value(header, cells, "OU");
                    double used = value(header, cells, "S0U") + value(header, cells, "S1U") + value(header, cells, "EU") + old;
                    peakUsedKb = Math.max(peakUsedKb, (long) used);
                    peakOldKb = Math.max(peakOldKb, (long) old);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the sampler is stopped by destroying jstat; a broken line ends sampling early
        }
    }

    private static double value(List<String> header, List<String> cells, String column) {
        return Double.parseDouble(cells.get(header.indexOf(column)));
    }

    /** "peak used MiB / peak old generation MiB", after stopping the sampler. */
    String summary() {
        close();
        return peakUsedKb == 0 ? "n/a" : (peakUsedKb / 1024) + " / " + (peakOldKb / 1024);
    }

    @Override
    public void close() {
        if (jstat.isAlive()) {
            // one more sample interval so that the last state is read
            BenchServer.sleep(300);
            jstat.destroy();
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
