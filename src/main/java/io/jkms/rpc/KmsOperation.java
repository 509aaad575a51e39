package io.jkms.rpc;

import io.jkms.wire.Bytes;

/**
 * The KMS operation (RequestActivation) as the host implements it: a KMS request message in, a
 * {@link StubReply} out. It may throw {@link RpcFaultException} to have the call answered with a FAULT; any
 * other exception propagates out of {@link RpcSession#onPdu} to the connection handler.
 */
@FunctionalInterface
public interface KmsOperation {
    StubReply call(Bytes kmsRequest);
}
