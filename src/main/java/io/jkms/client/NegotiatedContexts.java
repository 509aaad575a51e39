package io.jkms.client;

import java.util.Objects;
import java.util.OptionalInt;

/** What a verified BIND_ACK/ALTER_CONTEXT_RESP granted: the context ids per syntax and the BTFN features. */
public record NegotiatedContexts(OptionalInt ndr32Context, OptionalInt ndr64Context, int btfnFeatures) {
    public NegotiatedContexts {
        Objects.requireNonNull(ndr32Context, "ndr32Context");
        Objects.requireNonNull(ndr64Context, "ndr64Context");
    }

    /** This BIND's contexts updated by a later ALTER_CONTEXT's: what the later one accepted wins. */
    public NegotiatedContexts then(NegotiatedContexts later) {
        return new NegotiatedContexts(later.ndr32Context.isPresent() ? later.ndr32Context : ndr32Context,
                later.ndr64Context.isPresent() ? later.ndr64Context : ndr64Context, btfnFeatures);
    }
}
