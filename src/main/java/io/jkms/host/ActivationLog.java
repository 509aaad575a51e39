package io.jkms.host;

import io.jkms.activation.ActivationEvent;
import io.jkms.activation.ActivationListener;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** One INFO line per activation (peer, workstation, product, protocol, result, time); every field at DEBUG. */
public final class ActivationLog implements ActivationListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.activation");

    private volatile Catalog catalog;

    public ActivationLog(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Names products from this catalog from now on (configuration reload). */
    public void update(Catalog next) {
        catalog = next;
    }

    @Override
    public void onActivation(ActivationEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long micros = event.took().toNanos() / 1000;
        String took = micros + "µs";
        String peer = peer(event.peer());
        // The text line for people; the same fields as key-value pairs for --log-format json.
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("event", "activation").addKeyValue("peer", peer);
        if (event.request().isEmpty()) {
            line.addKeyValue("result", "undecodable").addKeyValue("hresult", Hresult.hex(event.hresult()))
                    .addKeyValue("reason", event.reason()).addKeyValue("took_us", micros)
                    .log("{} undecodable request: {} ({}) in {}", peer, Hresult.describe(event.hresult()),
                            ClientText.escape(event.reason()), took);
            return;
        }
        KmsRequest request = event.request().get();
        String product = productName(request);
        line.addKeyValue("workstation", request.workstationName()).addKeyValue("product", product)
                .addKeyValue("protocol", request.version().toString());
        String result;
        if (event.activated()) {
            long count = event.response().get().clientCount();
            line.addKeyValue("result", "activated").addKeyValue("count", count);
            result = "activated, count " + count;
        } else {
            line.addKeyValue("result", "refused").addKeyValue("hresult", Hresult.hex(event.hresult()))
                    .addKeyValue("reason", event.reason());
            result = "refused " + Hresult.describe(event.hresult()) + " (" + ClientText.escape(event.reason()) + ")";
        }
        line.addKeyValue("took_us", micros).log("{} {} \"{}\" {}: {} in {}", peer,
                ClientText.escape(request.workstationName()), product,
                request.version(), result, took);
        if (LOG.isDebugEnabled()) {
            LOG.debug("request {}", ClientText.escape(request.toString()));
            event.response().ifPresent(response -> LOG.debug("response {}", ClientText.escape(response.toString())));
        }
    }

    /** The product by SKU ID, else its KMS group, else the raw IDs: never "Unknown". */
    String productName(KmsRequest request) {
        return catalog.product(request.skuId()).map(Product::name)
                .or(() -> catalog.kmsGroup(request.kmsId()).map(KmsGroup::name))
                .orElse("SKU " + request.skuId() + " / KMS ID " + request.kmsId());
    }

    private static String peer(SocketAddress address) {
        return ClientText.escape(RefusalLog.peer(address));
    }
}
