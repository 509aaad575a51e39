package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SrvOrderTest {

    @Test
    void weightsDecideHowOftenARecordComesFirstWithinAPriority() {
        List<SrvRecord> records = List.of(new SrvRecord(1, 60, 1, "a"), new SrvRecord(1, 30, 2, "b"),
                new SrvRecord(1, 10, 3, "c"), new SrvRecord(1, 0, 4, "zero"), new SrvRecord(0, 1, 5, "first"),
                new SrvRecord(0, 0, 6, ""));
        SplittableRandom random = new SplittableRandom(11);
        Map<String, Integer> firstAfterPriorityZero = new java.util.HashMap<>();
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            List<SrvRecord> ordered = SrvOrder.order(records, random);
            assertThat(ordered.get(0).target()).isEqualTo("first");
            assertThat(ordered).hasSize(5).as("'.' means no service").noneMatch(SrvRecord::noService);
            firstAfterPriorityZero.merge(ordered.get(1).target(), 1, Integer::sum);
        }
        assertThat(firstAfterPriorityZero.get("a") / (double) draws).isBetween(0.57, 0.63);
        assertThat(firstAfterPriorityZero.get("b") / (double) draws).isBetween(0.27, 0.33);
        assertThat(firstAfterPriorityZero.get("c") / (double) draws).isBetween(0.08, 0.12);
        assertThat(firstAfterPriorityZero.getOrDefault("zero", 0) / (double) draws).isLessThan(0.02);
    }

    @Test
    void lowerPriorityAlwaysComesFirstWhateverTheWeights() {
        List<SrvRecord> records = List.of(new SrvRecord(20, 65535, 1, "late"), new SrvRecord(5, 0, 2, "early"),
                new SrvRecord(10, 1, 3, "middle"));
        for (long seed = 0; seed < 50; seed++) {
            assertThat(SrvOrder.order(records, new SplittableRandom(seed))).extracting(SrvRecord::target)
                    .containsExactly("early", "middle", "late");
        }
    }

    @Test
    void everyRecordAppearsExactlyOnceEvenWhenAllWeightsAreZero() {
        List<SrvRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new SrvRecord(1, 0, 1000 + i, "h" + i));
        }
        for (long seed = 0; seed < 20; seed++) {
            assertThat(SrvOrder.order(records, new SplittableRandom(seed))).containsExactlyInAnyOrderElementsOf(records);
        }
    }

    @Test
    void noRecordsOrOnlyNoServiceGiveAnEmptyOrder() {
        assertThat(SrvOrder.order(List.of(), new SplittableRandom(1))).isEmpty();
        assertThat(SrvOrder.order(List.of(new SrvRecord(0, 0, 0, ".")), new SplittableRandom(1))).isEmpty();
    }

    @Test
    void theInputListIsLeftAlone() {
        List<SrvRecord> records = new ArrayList<>(List.of(new SrvRecord(2, 1, 1, "b"), new SrvRecord(1, 1, 2, "a")));
        List<SrvRecord> copy = List.copyOf(records);
        SrvOrder.order(records, new SplittableRandom(4));
        assertThat(records).isEqualTo(copy);
    }
}
