package dev.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who reads a notify endpoint: the tenant's customer, or the MSP's own staff on duty for that tenant. Customers
 * hear only of confirmed failures and their recovery; operators of incidents awaiting a decision; supervisors of
 * escalations.
 */
public enum Audience {
    CUSTOMER, OPERATORS, SUPERVISORS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Audience> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(value)).findFirst();
    }
}
