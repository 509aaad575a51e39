package io.jkms.activation;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of refused and closed connections by {@link Refusal}, for metrics and tests. */
public final class HostCounters {
    private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);

    public HostCounters() {
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new LongAdder());
        }
    }

    public void count(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    public long get(Refusal refusal) {
        return refusals.get(refusal).sum();
    }
}
