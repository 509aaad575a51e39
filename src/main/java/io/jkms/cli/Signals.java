package io.jkms.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT end the host cleanly (and SIGHUP reloads it): handled here instead of by the JVM's default (which runs shutdown
 * hooks and exits with 143), so that a drained stop exits 0. {@code sun.misc.Signal} (module
 * jdk.unsupported, exported on every JDK) is reached reflectively because javac warns about any direct use
 * and the build treats warnings as errors; where it is missing a shutdown hook does the job instead.
 */
final class Signals {
    private Signals() {
    }

    static void onTermination(Runnable action) {
        if (!handle(action, "TERM", "INT")) {
            Runtime.getRuntime().addShutdownHook(new Thread(action, "jkms-shutdown"));
        }
    }

    /** SIGHUP, where the platform has it; nothing otherwise. */
    static void onHangup(Runnable action) {
        handle(action, "HUP");
    }

    private static boolean handle(Runnable action, String... names) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "jkms termination handler";
                    });
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : names) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
            return true;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return false;
        }
    }

}
