package dev.vigil.notify;

import dev.vigil.platform.validation.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules an endpoint's URL (a webhook's, or an email endpoint's mailto:) must meet before anything is sent to it. */
public final class EndpointUrl {
    public static final String FIELD = "url";
    public static final int MAX_LENGTH = 2048;
    private static final String MAILTO = "mailto:";
    private static final int MAX_ADDRESS = 254;
    /** the dot-atom of RFC 5322 at a host name of DNS labels: no quoting, comments, spaces or line breaks */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EndpointUrl() {
    }

    /** Parses {@code raw} or refuses it naming the {@code url} field. */
    public static URI parse(String raw, boolean allowPlainHttp) {
        if (raw == null || raw.isBlank()) {
            throw invalid("is required");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw invalid("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("must name a valid host");
        }
        // credentials in the URL would be logged and shown back in listings
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not contain a fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw invalid("must use https");
        }
        // one spelling per URL, so the duplicate check and the HTTP client see the same thing
        return URI.create(scheme + ":" + uri.getRawSchemeSpecificPart());
    }

    /**
     * Parses an email endpoint's {@code mailto:} url: one plain address, without headers or a second recipient,
     * so nothing a customer types can add a Cc or a header to our mail. The domain is lower-cased.
     */
    public static URI mailto(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("is required");
        }
        String trimmed = raw.trim();
        if (!trimmed.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
            throw invalid("must be mailto:<address> for an email endpoint");
        }
        String address = trimmed.substring(MAILTO.length());
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches() || at < 1) {
            throw invalid("must be mailto: and one email address, such as mailto:ops@example.com");
        }
        return URI.create(MAILTO + address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code url} is an email endpoint's. */
    public static boolean isMailto(String url) {
        return url.regionMatches(true, 0, MAILTO, 0, MAILTO.length());
    }

    /** The address of a {@code mailto:} url. */
    public static String address(String url) {
        return url.substring(MAILTO.length());
    }

    /** The port a request to {@code uri} goes to. */
    public static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** A refusal of the {@code url} field; also for the resource's reachability checks. */
    public static InvalidInputException invalid(String reason) {
        return new InvalidInputException(FIELD, reason);
    }
}
