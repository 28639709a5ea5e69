package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "internal.example.com", new String[] {"10.20.30.40"},
            "split.example.com", new String[] {"93.184.216.34", "127.0.0.1"});

    private final SsrfGuard guard = new SsrfGuard(false, SsrfGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.1.2.3", "[::1]", "0.0.0.0", "0.1.2.3", "[::]",
            "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "[fe80::1]",
            "224.0.0.1", "[ff02::1]",
            "[fc00::1]", "[fd12:3456::1]",
            "100.64.0.1", "100.127.255.254",
            "255.255.255.255", "240.0.0.1",
            "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]", "[2002:c0a8:101::1]",
            // benchmarking, documentation (TEST-NET-1..3, 2001:db8::/32, 3fff::/20), IETF protocol assignments,
            // the deprecated 6to4 relay, discard-only, local-use NAT64, site-local
            "198.18.0.1", "198.19.255.254", "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.0.0.1", "192.0.0.9",
            "192.88.99.1", "[2001:db8::1]", "[3fff::1]", "[100::1]", "[2001::1]", "[64:ff9b:1::1]", "[fec0::1]",
            // the loopback address in every spelling a resolver accepts
            "127.1", "0x7f.0.0.1", "0x7f.1", "2130706433", "017700000001", "0x7f000001", "0177.0.0.01",
            "[::ffff:127.0.0.1]", "[::ffff:0:127.0.0.1]", "[::127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]",
            "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "0", "0x0"})
    void privateAndReservedAddressesAreRefused(String host) {
        assertInstanceOf(SsrfGuard.Refused.class, guard.check(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "198.20.0.1", "192.0.3.1", "203.0.114.1", "198.17.255.255", "0x8.0x8.0x8.0x8", "134744072",
            "[2606:4700:4700::1111]", "[2001:4860:4860::8888]", "[64:ff9b::808:808]", "[2002:808:808::1]"})
    void publicAddressesAreAllowed(String host) {
        assertInstanceOf(SsrfGuard.Allowed.class, guard.check(host));
    }

    @Test
    void hostNameResolvingToPrivateAddressIsRefused() {
        assertInstanceOf(SsrfGuard.Refused.class, guard.check("internal.example.com"));
    }

    @Test
    void hostNameWithAnyPrivateAddressAmongPublicOnesIsRefused() {
        assertInstanceOf(SsrfGuard.Refused.class, guard.check("split.example.com"));
    }

    @Test
    void allowedHostYieldsTheCheckedAddressToConnectTo() throws UnknownHostException {
        SsrfGuard.Verdict verdict = guard.check("hooks.example.com");

        assertEquals(InetAddress.getByName("93.184.216.34"), ((SsrfGuard.Allowed) verdict).address());
    }

    @Test
    void unknownHostIsUnresolvedRatherThanRefused() {
        assertInstanceOf(SsrfGuard.Unresolved.class, guard.check("nowhere.example.com"));
    }

    @Test
    void loopbackIsAllowedWhenPrivateTargetsAreAllowed() {
        SsrfGuard permissive = new SsrfGuard(true, SsrfGuardTest::resolve);

        assertInstanceOf(SsrfGuard.Allowed.class, permissive.check("127.0.0.1"));
    }

    /** Literals resolve as the JVM does; names only through the fake DNS above, never the network. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] known = DNS.get(host);
        if (known != null) {
            InetAddress[] addresses = new InetAddress[known.length];
            for (int i = 0; i < known.length; i++) {
                addresses[i] = InetAddress.getByName(known[i]);
            }
            return addresses;
        }
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }
}
