package com.maintenanceaccess.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: each of n threads sends the next request as soon as the previous answer
 * arrived, for a fixed time or a fixed number of operations. Latencies go to HdrHistogram
 * (microseconds, 3 significant digits); a failed request aborts the benchmark.
 */
final class Load {

    /** One round: operations, wall time, latency histogram. */
    record Round(long operations, double seconds, Histogram latency) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private Load() {
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** Runs op(thread) on each thread until the time is up. */
    static Round timed(int threads, double seconds, IntConsumer op) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        return run(threads, thread -> System.nanoTime() < end, op);
    }

    /** Runs op(index) for index 0..count-1, spread over the threads. */
    static Round counted(int threads, int count, IntConsumer op) {
        AtomicInteger next = new AtomicInteger();
        int[] current = new int[threads];
        return run(threads, thread -> (current[thread] = next.getAndIncrement()) < count,
                index -> op.accept(current[index]), true);
    }

    /**
     * Runs op(thread) once on each of n threads: for work that must stay on one thread, e.g.
     * the logins of one user (Keycloak refuses a login while another of the same user runs).
     */
    static Round eachThread(int threads, IntConsumer op) {
        boolean[] started = new boolean[threads];
        return run(threads, thread -> !started[thread] && (started[thread] = true), op);
    }

    interface Gate {
        boolean again(int thread);
    }

    private static Round run(int threads, Gate gate, IntConsumer op) {
        return run(threads, gate, op, false);
    }

    private static Round run(int threads, Gate gate, IntConsumer op, boolean byThread) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Histogram> histograms = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Histogram h = histogram();
            histograms.add(h);
            int thread = t;
            futures.add(pool.submit(() -> {
                while (gate.again(thread)) {
                    long t0 = System.nanoTime();
                    op.accept(thread);
                    h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("load failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = histogram();
        histograms.forEach(all::add);
        return new Round(all.getTotalCount(), seconds, all);
    }

    /** Times one call in microseconds into a histogram. */
    static void sample(Histogram h, Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
    }
}
