package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import java.util.UUID;

/** An enabled endpoint as planning needs it: which one, and who reads it. */
public record Recipient(UUID endpointId, Audience audience) {
}
