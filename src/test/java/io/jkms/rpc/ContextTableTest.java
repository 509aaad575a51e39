package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContextTableTest {

    @Test
    void anUnknownContextHasNoSyntax() {
        assertThat(new ContextTable().lookup(0)).isNull();
    }

    @Test
    void remembersEachAcceptedContextsSyntax() {
        ContextTable table = new ContextTable();
        assertThat(table.accept(0, TransferSyntax.NDR32)).isTrue();
        assertThat(table.accept(1, TransferSyntax.NDR64)).isTrue();

        assertThat(table.lookup(0)).isEqualTo(TransferSyntax.NDR32);
        assertThat(table.lookup(1)).isEqualTo(TransferSyntax.NDR64);
        assertThat(table.lookup(2)).isNull();
    }

    @Test
    void reAcceptingAContextReplacesItsSyntaxWithoutTakingASlot() {
        ContextTable table = new ContextTable();
        table.accept(7, TransferSyntax.NDR64);
        for (int i = 0; i < 100; i++) {
            assertThat(table.accept(7, i % 2 == 0 ? TransferSyntax.NDR32 : TransferSyntax.NDR64)).isTrue();
        }
        assertThat(table.lookup(7)).isEqualTo(TransferSyntax.NDR64);
        for (int id = 100; id < 100 + ContextTable.CAPACITY - 1; id++) {
            assertThat(table.accept(id, TransferSyntax.NDR32)).as("id %d", id).isTrue();
        }
    }

    @Test
    void isBoundedAndAFullTableStillAnswersAndUpdatesWhatItHolds() {
        ContextTable table = new ContextTable();
        for (int id = 0; id < ContextTable.CAPACITY; id++) {
            assertThat(table.accept(id, TransferSyntax.NDR32)).isTrue();
        }

        assertThat(table.accept(ContextTable.CAPACITY, TransferSyntax.NDR32)).isFalse();
        assertThat(table.lookup(ContextTable.CAPACITY)).isNull();
        assertThat(table.accept(3, TransferSyntax.NDR64)).isTrue();
        assertThat(table.lookup(3)).isEqualTo(TransferSyntax.NDR64);
        assertThat(table.lookup(ContextTable.CAPACITY - 1)).isEqualTo(TransferSyntax.NDR32);
    }

    @Test
    void contextIdsAreComparedAsTheyAre() {
        ContextTable table = new ContextTable();
        table.accept(0xFFFF, TransferSyntax.NDR64);
        assertThat(table.lookup(0xFFFF)).isEqualTo(TransferSyntax.NDR64);
        assertThat(table.lookup(-1)).isNull();
    }
}
