package dev.vigil.notify;

import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Language;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a person changes of an endpoint; null leaves a field as it is.
 *
 * @param url         the new target, already checked as a new endpoint's is
 * @param description the new description; a blank one clears it
 * @param enabled     true enables it again, false stops everything to it
 * @param kinds       the message kinds it wants from now on
 * @param minSeverity the least severity it wants from now on
 * @param language    the language its messages are written in from now on
 * @param zone        the time zone its messages give times in from now on
 */
public record EndpointChange(String url, String description, Boolean enabled, Set<String> kinds,
        Severity minSeverity, Language language, ZoneId zone) {
}
