package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which endpoint audiences the caller may see and create, next to {@link dev.vigil.platform.security.CallerScope}'s
 * tenants. A customer token never learns of the MSP's own channels for its tenant (operators, supervisors): its
 * reads leave them out as if they did not exist, and it creates customer endpoints only. Staff see every audience
 * of the tenants their token names; supervisors create any.
 */
@RequestScoped
public class AudienceAccess {
    private static final String FIELD = "audience";
    private static final String WIRE_NAMES = Arrays.stream(Audience.values()).map(Audience::wireName)
            .collect(Collectors.joining(", "));

    private final SecurityIdentity identity;

    public AudienceAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The one audience the caller's reads are limited to, or empty for all. */
    public Optional<Audience> visible() {
        return customer() ? Optional.of(Audience.CUSTOMER) : Optional.empty();
    }

    /**
     * The audience a list is narrowed to by {@code ?audience=}, within {@link #visible()}. Like a tenant outside the
     * token, asking for an audience the caller may not see is refused, not silently answered with nothing.
     */
    public Optional<Audience> forList(String requested) {
        if (requested == null || requested.isBlank()) {
            return visible();
        }
        return Optional.of(allowed(parse(requested), "A customer token sees customer endpoints only"));
    }

    /** The audience a new endpoint is for: the body's {@code audience}, customer when left out. */
    public Audience forWrite(String requested) {
        Audience audience = requested == null ? Audience.CUSTOMER : parse(requested);
        return allowed(audience, "A customer may register customer endpoints only");
    }

    private Audience allowed(Audience audience, String refusal) {
        if (customer() && audience != Audience.CUSTOMER) {
            throw new ProblemException(ProblemType.FORBIDDEN, refusal,
                    List.of(new Problem.FieldError(FIELD, "must be customer for a customer token")));
        }
        return audience;
    }

    /** Customer tokens carry no staff role ({@link dev.vigil.platform.security.TenantClaims} refuses a mix). */
    private boolean customer() {
        return identity.hasRole(Roles.CUSTOMER);
    }

    private static Audience parse(String raw) {
        return Audience.fromWire(raw.strip())
                .orElseThrow(() -> ProblemException.invalid(FIELD, "must be one of " + WIRE_NAMES));
    }
}
