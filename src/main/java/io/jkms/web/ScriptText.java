package io.jkms.web;

import io.jkms.catalog.Product;

/** The {@code .cmd} text of {@code jkms script} for a product and a KMS host ({@code host:port}). */
@FunctionalInterface
public interface ScriptText {
    String activate(Product product, String hostPort);
}
