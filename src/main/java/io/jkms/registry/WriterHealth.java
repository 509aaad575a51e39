package io.jkms.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A writer's queue, lag, losses and writes as {@link RegistryHealth}, read live on every call; what is wrong is
 * asked of {@code problem}, which knows more than the writer (whether the database is open at all).
 */
final class WriterHealth implements RegistryHealth {
    private final RegistryWriter writer;
    private final String kind;
    private final Supplier<Optional<String>> problem;

    WriterHealth(RegistryWriter writer, RegistrySettings settings, Supplier<Optional<String>> problem) {
        this.writer = writer;
        this.kind = settings.databaseUrl().isPresent() ? "postgresql" : "sqlite";
        this.problem = problem;
    }

    @Override
    public long queueDepth() {
        return writer.queueDepth();
    }

    @Override
    public long queueCapacity() {
        return writer.queueCapacity();
    }

    @Override
    public Duration lag() {
        return writer.lag();
    }

    @Override
    public long stored() {
        return writer.stored();
    }

    @Override
    public long writeFailures() {
        return writer.writeFailures();
    }

    @Override
    public long writerRestarts() {
        return writer.restarts();
    }

    @Override
    public long dropped() {
        return writer.dropped();
    }

    @Override
    public long flushes() {
        return writer.flushes();
    }

    @Override
    public long flushNanos() {
        return writer.flushNanos();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<String> problem() {
        return problem.get();
    }
}
