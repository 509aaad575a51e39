package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID OFFICE_2013_PLUS = UUID.fromString("0ff1ce15-a989-479d-af46-f275c6370663");
    private static final UUID OFFICE_2010 = UUID.fromString("59a52881-a989-479d-af46-f275c6370663");
    private final Catalog catalog = Catalog.loadDefault();

    @Test
    void bundledCatalogLoadsWithEveryFamily() {
        assertThat(catalog.products(Family.WINDOWS_CLIENT).size()).isEqualTo(85);
        assertThat(catalog.products(Family.WINDOWS_SERVER).size()).isEqualTo(56);
        assertThat(catalog.products(Family.OFFICE).size()).isEqualTo(120);
    }

    @Test
    void csvlkForUsesTheKmsIdThenTheApplicationThenWindows() {
        assertThat(catalog.csvlkFor(uuid("85b5f61b-320b-4be3-814a-b76b2bfafc82"), OFFICE_2013_PLUS).id())
                .isEqualTo("Office2016");
        assertThat(catalog.csvlkFor(uuid("e85af946-2e25-47b7-83e1-bebcebeac611"), OFFICE_2010).groupId())
                .isEqualTo(96);
        assertThat(catalog.csvlkFor(uuid("7ba0bf23-d0f5-4072-91d9-d55af5a481b6"), WINDOWS).groupId())
                .isEqualTo(3858);
        assertThat(catalog.csvlkFor(UUID.randomUUID(), OFFICE_2010).id()).isEqualTo("Office2010");
        assertThat(catalog.csvlkFor(UUID.randomUUID(), UUID.randomUUID()).id()).isEqualTo("Windows");
        Csvlk windows = catalog.csvlkFor(uuid("58e2134f-8e11-4d17-9cb2-91069c151148"), WINDOWS);
        assertThat(windows.groupId()).isEqualTo(206);
        assertThat(windows.minKeyId()).isEqualTo(551_000_000L);
        assertThat(windows.maxKeyId()).isEqualTo(570_999_999L);
    }

    @Test
    void newestProductsHaveTheirOwnCsvlks() {
        assertThat(catalog.csvlkFor(uuid("b74263e4-0f92-46c6-bcf8-c11d5efe2959"), WINDOWS).groupId()).isEqualTo(4573);
        assertThat(catalog.csvlkFor(uuid("4b83307d-7788-50ff-8d1f-1861915bdb9d"), WINDOWS).groupId()).isEqualTo(4918);
        assertThat(catalog.csvlkFor(uuid("86d50b16-4808-41af-b83b-b338274318b2"), OFFICE_2013_PLUS).id())
                .isEqualTo("Office2021");
        assertThat(catalog.csvlkFor(uuid("1b4db7eb-4057-5ddf-91e0-36dec72071f5"), OFFICE_2013_PLUS).id())
                .isEqualTo("Office2024");
    }

    @Test
    void everyProductCarriesWhatTheHostNeeds() {
        assertThat(catalog.products()).allSatisfy(p -> {
            assertThat(p.appId()).isNotNull();
            assertThat(p.requiredClientCount()).isIn(5, 25);
            assertThat(p.protocolVersion()).isBetween(4, 6);
            assertThat(catalog.csvlk(p.csvlk().id())).contains(p.csvlk());
            assertThat(p.sources()).isNotEmpty();
        });
        assertThat(catalog.products()).filteredOn(p -> p.skuId().isEmpty()).extracting(Product::name)
                .containsExactlyInAnyOrder("Windows Server Datacenter, version 1709",
                        "Windows Server Standard, version 1709");
    }

    @Test
    void kmsGroupAndProductLookups() {
        KmsGroup g = catalog.kmsGroup(uuid("e1c51358-fe3e-4203-a4a2-3b6b20c9734e")).orElseThrow();
        assertThat(g.retail()).isTrue();
        assertThat(g.requiredClientCount()).isEqualTo(25);
        assertThat(catalog.kmsGroup(uuid("6d5f5270-31ac-433e-b90a-39892923c657")).orElseThrow().preview()).isTrue();
        assertThat(catalog.product(uuid("73111121-5638-40f6-bc11-f1d7b0d64300")).orElseThrow().name())
                .isEqualTo("Windows 10/11 Enterprise");
        assertThat(catalog.application(OFFICE_2010).orElseThrow().name()).isEqualTo("Office 2010");
        assertThat(catalog.kmsGroup(UUID.randomUUID())).isEmpty();
    }

    @Test
    void brokenDataIsRejectedWithEveryProblemListed() {
        String json = "{\"schemaVersion\":1,\"sources\":{},\"csvlks\":[{\"id\":\"Windows\"}],\"applications\":[],"
                + "\"kmsGroups\":[],\"products\":[],\"unsupportedEditions\":[],\"officeRetailConversions\":[],"
                + "\"corrections\":[],\"surprise\":1}";
        assertThatThrownBy(() -> load(json)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("unknown field 'surprise'")
                .hasMessageContaining("missing required field 'groupId'");
        assertThatThrownBy(() -> load("[")).isInstanceOf(CatalogException.class).hasMessageContaining("not valid JSON");
    }

    private static Catalog load(String json) {
        return Catalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}
