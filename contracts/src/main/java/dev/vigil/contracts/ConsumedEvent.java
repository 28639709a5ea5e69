package dev.vigil.contracts;

import java.util.Optional;

/** An event a Vigil service consumes: it can say which field a consumer needs is missing (a poison record). */
public interface ConsumedEvent extends TenantScoped {

    /** The first field its consumers cannot do without that this event lacks, if any. */
    Optional<String> missingField();
}
