package dev.vigil.runbook;

import java.time.Instant;

/**
 * One line of an execution's timeline: who did what, when. Entries are only ever added; a correction is a new
 * entry naming the one it corrects.
 *
 * @param seq      1, 2, 3... in the order the changes were made; assigned when the entry is stored
 * @param step     the step it is about, or null
 * @param corrects the seq of the entry it corrects, or null
 */
public record TimelineEntry(int seq, Instant at, String actor, TimelineAction action, Integer step, String note,
        Integer corrects) {

    /** An entry about to be appended: its seq is the next of its execution's. */
    public static TimelineEntry of(Instant at, String actor, TimelineAction action, Integer step, String note) {
        return new TimelineEntry(0, at, actor, action, step, note, null);
    }

    /** This entry as stored, {@code seq}-th of its timeline. */
    public TimelineEntry numbered(int seq) {
        return new TimelineEntry(seq, at, actor, action, step, note, corrects);
    }

    /** A correction of entry {@code corrects}, saying what was wrong and what is right. */
    public static TimelineEntry correcting(Instant at, String actor, String note, int corrects) {
        return new TimelineEntry(0, at, actor, TimelineAction.CORRECTION, null, note, corrects);
    }
}
