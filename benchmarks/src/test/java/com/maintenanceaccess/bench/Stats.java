package com.maintenanceaccess.bench;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Medians, spread and formatting for the results table. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String range(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return f(sorted[0]) + "–" + f(sorted[sorted.length - 1]);
    }

    /** p50 / p95 / p99 in milliseconds. */
    static String percentiles(Histogram h) {
        return ms(h, 50) + " / " + ms(h, 95) + " / " + ms(h, 99);
    }

    static String p50p95(Histogram h) {
        return ms(h, 50) + " / " + ms(h, 95);
    }

    static String ms(Histogram h, double percentile) {
        return f(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static String f(double value) {
        if (value >= 100) {
            return String.format("%.0f", value);
        }
        if (value >= 10) {
            return String.format("%.1f", value);
        }
        return String.format("%.2f", value);
    }

    static double[] copy(List<Double> values) {
        return Arrays.copyOf(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
    }
}
