package io.jkms.activation;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.KmsGroup;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsException;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.wire.Bytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what the host answers to one activation request: a response with the ePID of the CSVLK that
 * covers the product, or a refusal (checks in vlmcsd's order, kms-protocol.md §5.1).
 */
public final class ActivationPolicy {
    private final PolicySettings settings;
    private final Catalog catalog;
    private final HostIdentity identity;
    private final Clock clock;

    public ActivationPolicy(PolicySettings settings, Catalog catalog, HostIdentity identity, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    /** The response to send, or a {@link KmsException} carrying the HRESULT to send instead. */
    public KmsResponse decide(KmsRequest request) {
        if (request.requiredClientCount() > PolicySettings.MAX_REQUIRED_CLIENT_COUNT) {
            throw new KmsException(Hresult.INVALID_DATA,
                    "N policy " + request.requiredClientCount() + " above " + PolicySettings.MAX_REQUIRED_CLIENT_COUNT);
        }
        settings.clientTimeTolerance().ifPresent(tolerance -> checkClientTime(request, tolerance));
        checkWhitelist(request);
        CsvlkIdentity csvlk = identity.forCsvlk(catalog.csvlkFor(request.kmsId(), request.appId()).id());
        Bytes hwid = request.version() == ProtocolVersion.V6 ? csvlk.hwid() : Bytes.EMPTY;
        return new KmsResponse(request.version(), csvlk.epid(), request.cmid(), request.clientTime(),
                settings.clientCount().countFor(request), settings.activationInterval(), settings.renewalInterval(),
                hwid);
    }

    /** The CSVLK identity that answers this request, for logging and reporting. */
    public CsvlkIdentity identityFor(KmsRequest request) {
        return identity.forCsvlk(catalog.csvlkFor(request.kmsId(), request.appId()).id());
    }

    private void checkClientTime(KmsRequest request, Duration tolerance) {
        Instant clientTime = FileTime.toInstant(request.clientTime());
        Duration skew = Duration.between(clock.instant(), clientTime).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new KmsException(Hresult.INVALID_TIMESTAMP, "client clock " + clientTime + " is " + skew
                    + " away from the host's");
        }
    }

    private void checkWhitelist(KmsRequest request) {
        Optional<KmsGroup> group = catalog.kmsGroup(request.kmsId());
        if (settings.refusesUnknown()) {
            if (group.isEmpty()) {
                throw new KmsException(Hresult.KMS_ID_MISMATCH, "unknown KMS ID " + request.kmsId());
            }
            if (!group.get().appId().equals(request.appId())) {
                throw new KmsException(Hresult.KMS_ID_MISMATCH, "KMS ID " + request.kmsId()
                        + " belongs to another application than " + request.appId());
            }
        }
        if (settings.refusesRetailAndPreview() && group.isPresent()
                && (group.get().retail() || group.get().preview())) {
            throw new KmsException(Hresult.KMS_ID_MISMATCH, "KMS ID " + request.kmsId() + " ("
                    + group.get().name() + ") is " + (group.get().retail() ? "retail" : "a preview"));
        }
    }
}
