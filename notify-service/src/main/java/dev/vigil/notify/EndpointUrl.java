package dev.vigil.notify;

import dev.vigil.platform.validation.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rules a webhook URL must meet before anything is sent to it. */
public final class EndpointUrl {
    public static final String FIELD = "url";
    public static final int MAX_LENGTH = 2048;

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
