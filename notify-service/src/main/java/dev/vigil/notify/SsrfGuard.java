package dev.vigil.notify;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
            Optional<InetAddress> numeric = Ipv4Spelling.parse(host);
            addresses = numeric.isPresent() ? new InetAddress[] {numeric.get()} : resolver.resolve(host);
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

    /**
     * Whether {@code address} is not publicly routable: in a block the IANA IPv4 and IPv6 special-purpose address
     * registries do not mark globally reachable (loopback, private, shared, link-local, benchmarking, documentation,
     * discard, the protocol assignments), multicast, reserved, or an IPv6 form that carries such an IPv4 address.
     */
    static boolean isPrivate(InetAddress address) {
        if (NOT_PUBLIC.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return false;
        }
        // IPv6 forms that carry an IPv4 address a gateway would route to
        boolean zeroHead = Arrays.equals(Arrays.copyOfRange(b, 0, 8), new byte[8]);
        if (zeroHead && b[8] == 0 && b[9] == 0 && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
                || (b[10] == 0 && b[11] == 0))) {
            return isPrivate(ipv4(b, 12)); // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
        }
        if (zeroHead && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return isPrivate(ipv4(b, 12)); // ::ffff:0:a.b.c.d, IPv4-translated (SIIT)
        }
        if (NAT64.contains(address)) {
            return isPrivate(ipv4(b, 12)); // 64:ff9b::/96
        }
        if (SIX_TO_FOUR.contains(address)) {
            return isPrivate(ipv4(b, 2)); // 2002::/16
        }
        return false;
    }

    private static final Cidr NAT64 = Cidr.of("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");

    /** Not globally reachable, or not to be called: refused whatever the host's name. */
    private static final List<Cidr> NOT_PUBLIC = Stream.of(
            // IPv4 (RFC 6890 and its updates)
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            // IPv6
            "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20",
            "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .map(Cidr::of).toList();

    /** A block of addresses: the first {@code bits} bits of {@code prefix}. */
    private record Cidr(byte[] prefix, int bits) {
        static Cidr of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Cidr(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("not an address literal: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
