package dev.vigil.notify;

/**
 * What a person changes of an endpoint; null leaves a field as it is.
 *
 * @param url         the new target, already checked as a new endpoint's is
 * @param description the new description; a blank one clears it
 * @param enabled     true enables it again, false stops everything to it
 */
public record EndpointChange(String url, String description, Boolean enabled) {
}
