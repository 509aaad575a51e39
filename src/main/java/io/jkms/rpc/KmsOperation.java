package io.jkms.rpc;

import io.jkms.wire.Bytes;

/**
 * The KMS operation (RequestActivation) as the host implements it: a KMS request message in, a
 * {@link OperationReply} out. It may throw {@link RpcFaultException} to have the call answered with a FAULT; any
 * other exception propagates out of {@link RpcSession#onPdu} to the connection handler.
 */
@FunctionalInterface
public interface KmsOperation {
    OperationReply call(Bytes kmsRequest);
}
