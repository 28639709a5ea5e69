package dev.vigil.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Keeps webhooks from reaching the MSP's own network (server-side request forgery): a host is allowed only
 * when every address it resolves to is public. Checked when an endpoint is registered and again before each
 * send, because DNS can change in between; the send then connects to the checked address.
 */
public final class SsrfGuard {

    /** Resolves a host name or literal to its addresses (the JVM resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public sealed interface Verdict permits Allowed, Refused, Unresolved {
    }

    /** Send to {@code address}, the one that was checked. */
    public record Allowed(InetAddress address) implements Verdict {
    }

    /** The host points into a private range; waiting will not help. */
    public record Refused(String reason) implements Verdict {
    }

    /** The host did not resolve; it may later. */
    public record Unresolved(String reason) implements Verdict {
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public SsrfGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Resolves {@code host}, which may block on DNS: call it off the event loop. */
    public Verdict check(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Unresolved("host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            return new Unresolved("host " + host + " does not resolve");
        }
        // one private address is enough to refuse: the client could pick it on any connection
        if (!allowPrivate && Arrays.stream(addresses).anyMatch(SsrfGuard::isPrivate)) {
            return new Refused("host " + host + " resolves to a private or reserved address");
        }
        return new Allowed(addresses[0]);
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // 0.0.0.0/8, "this network"
                    || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                    || first >= 240; // 240.0.0.0/4 reserved, and the broadcast address
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // fc00::/7, unique-local
        }
        // IPv6 forms that carry an IPv4 address a gateway would route to
        if (((Inet6Address) address).isIPv4CompatibleAddress()) {
            return isPrivate(ipv4(b, 12));
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPrivate(ipv4(b, 12)); // 64:ff9b::/96, NAT64
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return isPrivate(ipv4(b, 2)); // 2002::/16, 6to4
        }
        return false;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
