package io.jkms.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.protocol.Hresult;
import io.jkms.registry.ActivationRecord;
import io.jkms.registry.ClientSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/** Formatting shared by the pages and the JSON API: product names, families, times, results. */
final class Views {
    /** The machine ID of requests that could not be decoded. */
    static final java.util.UUID NIL = new java.util.UUID(0, 0);

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Catalog catalog;

    Views(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    /** The product by SKU ID, else its KMS group, else the raw SKU ID: never "Unknown". */
    String product(UUID skuId, UUID kmsId) {
        return catalog.product(skuId).map(Product::name).or(() -> catalog.kmsGroup(kmsId).map(KmsGroup::name))
                .orElse(skuId.equals(NIL) ? "(undecodable request)" : "SKU " + skuId);
    }

    /** The family of a KMS ID for display: the family of its products, else the application, else "Other". */
    String family(UUID kmsId) {
        var families = catalog.productsOf(kmsId).stream().map(Product::family).distinct().toList();
        if (families.size() == 1) {
            return families.get(0).displayName();
        }
        return catalog.kmsGroup(kmsId).flatMap(g -> catalog.application(g.appId())).map(a -> a.name())
                .orElse("Other");
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String result(int hresult) {
        return hresult == 0 ? "activated" : Hresult.hex(hresult) + " " + Hresult.name(hresult);
    }

    /** An activation request as the JSON API shows it (in {@code latest} and a client's {@code history}). */
    record ActivationJson(String at, String cmid, String workstation, String product, String family, String skuId,
                          String kmsId, int protocol, String address, boolean virtualMachine, boolean activated,
                          String hresult, String result, @JsonInclude(JsonInclude.Include.NON_NULL) String epid,
                          long tookMicros) {
    }

    /** A client (one machine and application) as the JSON API and the exports show it. */
    record ClientJson(String cmid, String appId, String workstation, String product, String family, String skuId,
                      String kmsId, long licenseStatus, boolean virtualMachine, int protocol, String address,
                      String firstSeen, String lastSeen, long requests,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String epid, String lastResult) {
    }

    ActivationJson json(ActivationRecord r) {
        return new ActivationJson(r.at().toString(), r.cmid().toString(), r.workstation(),
                product(r.skuId(), r.kmsId()), family(r.kmsId()), r.skuId().toString(), r.kmsId().toString(),
                r.protocolMajor(), r.clientAddress(), r.virtualMachine(), r.activated(), Hresult.hex(r.hresult()),
                result(r.hresult()), r.epid().orElse(null), r.took().toNanos() / 1000);
    }

    ClientJson json(ClientSummary c) {
        return new ClientJson(c.cmid().toString(), c.appId().toString(), c.workstation(), product(c.skuId(), c.kmsId()),
                family(c.kmsId()), c.skuId().toString(), c.kmsId().toString(), c.licenseStatus(), c.virtualMachine(),
                c.protocolMajor(), c.clientAddress(), c.firstSeen().toString(), c.lastSeen().toString(), c.requests(),
                c.epid().orElse(null), result(c.lastHresult()));
    }

    /**
     * One row of an activations table.
     *
     * @param client the client's page, if the request could be decoded
     * @param who    the workstation name, else the CMID
     */
    record ActivationRow(String time, Optional<String> client, String who, String product, int protocol,
                         String address, boolean activated, String result) {
    }

    ActivationRow row(ActivationRecord r) {
        boolean decoded = !r.cmid().equals(NIL);
        String who = decoded && r.workstation().isEmpty() ? r.cmid().toString() : r.workstation();
        return new ActivationRow(time(r.at()), decoded ? Optional.of("/clients/" + r.cmid()) : Optional.empty(), who,
                product(r.skuId(), r.kmsId()), r.protocolMajor(), r.clientAddress(), r.activated(),
                result(r.hresult()));
    }

    private static final String[] LICENSE_STATUS = {"unlicensed", "licensed", "initial grace", "additional grace",
        "non-genuine grace", "notification", "extended grace"};
    /** A licence status as Windows names it (MS-KMS: 0 unlicensed … 6 extended grace), else its number. */
    static String licenseStatus(long status) {
        return status >= 0 && status < LICENSE_STATUS.length ? LICENSE_STATUS[(int) status] : "status " + status;
    }

    /** A record of the JSON API as its pretty-printed text. */
    static String write(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the API's records of strings and numbers always serialise", e);
        }
    }
}
