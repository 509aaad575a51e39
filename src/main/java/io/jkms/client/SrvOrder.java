package io.jkms.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which to try SRV targets (RFC 2782): lowest priority first; within one priority a weighted random
 * order, drawn record by record with probability proportional to weight (weight-0 records rarely first).
 */
public final class SrvOrder {
    private SrvOrder() {
    }

    public static List<SrvRecord> order(List<SrvRecord> records, RandomGenerator random) {
        TreeMap<Integer, List<SrvRecord>> byPriority = new TreeMap<>();
        for (SrvRecord r : records) {
            if (!r.noService()) {
                byPriority.computeIfAbsent(r.priority(), p -> new ArrayList<>()).add(r);
            }
        }
        List<SrvRecord> ordered = new ArrayList<>(records.size());
        for (List<SrvRecord> group : byPriority.values()) {
            ordered.addAll(weighted(group, random));
        }
        return ordered;
    }

    /** RFC 2782's selection: zero weights first, running sums, pick the first sum ≥ a uniform draw in [0, total]. */
    private static List<SrvRecord> weighted(List<SrvRecord> group, RandomGenerator random) {
        List<SrvRecord> remaining = new ArrayList<>(group);
        remaining.sort(Comparator.comparingInt(SrvRecord::weight));
        List<SrvRecord> out = new ArrayList<>(group.size());
        while (!remaining.isEmpty()) {
            long total = remaining.stream().mapToLong(SrvRecord::weight).sum();
            long draw = total == 0 ? 0 : random.nextLong(total + 1);
            long sum = 0;
            for (int i = 0; i < remaining.size(); i++) {
                sum += remaining.get(i).weight();
                if (sum >= draw) {
                    out.add(remaining.remove(i));
                    break;
                }
            }
        }
        return out;
    }
}
