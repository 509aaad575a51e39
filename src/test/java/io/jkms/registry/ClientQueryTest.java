package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ClientQueryTest {

    @Test
    void everySortKeyAndTheWholePageSizeRangeAreAccepted() {
        for (String key : ClientQuery.SORT_KEYS) {
            assertThat(new ClientQuery("", key, true, 0, 1).sort()).isEqualTo(key);
        }
        assertThat(new ClientQuery("x", "lastSeen", false, Integer.MAX_VALUE, 500).size()).isEqualTo(500);
    }

    @Test
    void anUnknownSortKeyIsRefusedListingTheKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientQuery("", "cmid; DROP TABLE clients", false,
                0, 10)).withMessageStartingWith("sort must be one of [lastSeen, firstSeen, workstation, requests, "
                        + "product, address]");
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientQuery("", "LASTSEEN", false, 0, 10));
    }

    @Test
    void pageAndSizeAreBounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientQuery("", "lastSeen", false, -1, 10))
                .withMessage("page -1 / size 10 out of range");
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientQuery("", "lastSeen", false, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientQuery("", "lastSeen", false, 0, 501));
    }
}
