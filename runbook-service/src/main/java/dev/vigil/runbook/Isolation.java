package dev.vigil.runbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the fault lies, area by area: the structured checklist the night shift fills in, and the plain-language
 * core of the customer report. An area nobody recorded is {@link Finding#NOT_CHECKED}.
 */
public record Isolation(Map<IsolationArea, Checked> areas) {

    /** One area's finding, who recorded it and when. */
    public record Checked(Finding finding, String note, String by, Instant at) {
        static final Checked NOT_CHECKED = new Checked(Finding.NOT_CHECKED, null, null, null);
    }

    public Isolation {
        Map<IsolationArea, Checked> all = new EnumMap<>(IsolationArea.class);
        for (IsolationArea area : IsolationArea.values()) {
            all.put(area, areas.getOrDefault(area, Checked.NOT_CHECKED));
        }
        areas = Collections.unmodifiableMap(all);
    }

    public static final Isolation NONE = new Isolation(Map.of());

    /** A change of the record: the areas given take their new finding, the others keep theirs. */
    public record Change(Isolation after, List<TimelineEntry> entries) {
    }

    /**
     * The record with {@code recorded} findings taken by {@code by} at {@code at}; an area whose finding and note are
     * unchanged keeps who recorded it first, and adds nothing to the timeline.
     */
    public Change record(Map<IsolationArea, Checked> recorded, String by, Instant at) {
        Map<IsolationArea, Checked> next = new EnumMap<>(areas);
        List<TimelineEntry> entries = new ArrayList<>();
        recorded.forEach((area, checked) -> {
            Checked before = areas.get(area);
            if (before.finding() == checked.finding() && Objects.equals(before.note(), checked.note())) {
                return;
            }
            next.put(area, new Checked(checked.finding(), checked.note(), by, at));
            entries.add(TimelineEntry.of(at, by, TimelineAction.ISOLATION, null, area.wireName() + ": "
                    + checked.finding().wireName() + (checked.note() == null ? "" : " (" + checked.note() + ")")));
        });
        return new Change(new Isolation(next), entries);
    }
}
