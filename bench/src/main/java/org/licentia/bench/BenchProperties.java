package org.licentia.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The settings the benchmarks read from the command line's system properties ({@code -Dbench.duration=20}). */
final class BenchProperties {

    private BenchProperties() {}

    /** A duration given in seconds, fractions allowed. */
    static Duration seconds(String property, double defaultSeconds) {
        String value = System.getProperty(property);
        double seconds = value == null ? defaultSeconds : Double.parseDouble(value);
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A comma-separated list of numbers, such as the concurrency levels {@code 1,16,64,256}. */
    static List<Integer> numbers(String property, String defaultValue) {
        return Arrays.stream(System.getProperty(property, defaultValue).split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
