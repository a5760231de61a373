package org.cadre.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The items of a list as a client sent them, each in its place, with the faults of those that could not be read whole
 * (an unknown field, a value of the wrong type, a date that is none). A use case judges the items it has and names
 * the faults with its own judgement's ({@link #faultsWith}), in the list's order, so one answer names every fault of
 * the list: an item read in part (a misspelt field beside an id of no one enrolled) can be judged on what was read;
 * an item that could not be read at all (null) cannot. A list with any fault is refused whole.
 *
 * @param items every item in its place, read whole or in part; null where it could not be read at all
 * @param unread the faults of each item not read whole, by its place, as {@code marks[2].mark: is required}
 */
public record SentItems<T>(List<T> items, SortedMap<Integer, List<String>> unread) {

    public SentItems {
        items = Collections.unmodifiableList(new ArrayList<>(items));
        SortedMap<Integer, List<String>> copy = new TreeMap<>();
        unread.forEach((place, faults) -> copy.put(place, List.copyOf(faults)));
        unread = Collections.unmodifiableSortedMap(copy);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null && !unread.containsKey(i)) {
                throw new IllegalArgumentException("SentItems: item " + i + " is missing without its faults");
            }
        }
        if (!unread.isEmpty() && (unread.firstKey() < 0 || unread.lastKey() >= items.size())) {
            throw new IllegalArgumentException("SentItems: faults of an item not sent");
        }
    }

    /** Items all read, each a missing one unread as required; null for a list not sent (a use case names it required). */
    public static <T> SentItems<T> all(String path, List<T> items) {
        return read(path, items, new TreeMap<>());
    }

    /**
     * Items read from a document with {@link Documents#readItems} as they are, those it set aside ({@code faults}, by
     * place) and missing ones (required) unread; null for a list not sent.
     */
    public static <T> SentItems<T> read(String path, List<T> items, SortedMap<Integer, List<String>> faults) {
        return read(path, items, faults, (item, f, at) -> item);
    }

    /** How one item is read from its document: each fault recorded in {@code f} under a path from {@code at}. */
    @FunctionalInterface
    public interface Reader<D, T> {
        /**
         * The item, or null with its faults recorded; or an item read in part, with faults recorded, whose other fields
         * are to be judged (it is never recorded: its faults refuse the list).
         *
         * @param doc the item's document
         * @param f where its faults are recorded
         * @param at the item's path, as {@code items[2]}
         * @return the item, read whole or in part, or null
         */
        T read(D doc, Fields f, String at);
    }

    /**
     * Items read one by one from the documents sent ({@code results[2]} a practice result from its document): an item
     * whose document {@link Documents#readItems} set aside ({@code faults}, by place), that is missing (required), or
     * that the reader finds faults in, is unread with its faults. Null for a list not sent.
     *
     * @param path the list's name, which each item's place is named under
     */
    public static <D, T> SentItems<T> read(String path, List<D> docs, SortedMap<Integer, List<String>> faults, Reader<D, T> reader) {
        if (docs == null) {
            return null;
        }
        List<T> items = new ArrayList<>(docs.size());
        SortedMap<Integer, List<String>> unread = new TreeMap<>();
        for (int i = 0; i < docs.size(); i++) {
            D doc = docs.get(i);
            String at = path + "[" + i + "]";
            Fields f = new Fields();
            // An item whose faulty fields were taken out is still read, so the reader names its other fields' faults; a
            // reader may give an item despite faults of its own (read in part, to be judged on the rest).
            T item = doc == null ? null : reader.read(doc, f, at);
            List<String> own = merged(faults.getOrDefault(i, List.of()), at, f.errors());
            if (item == null && own.isEmpty()) {
                own = List.of(at + ": is required");
            }
            if (!own.isEmpty()) {
                unread.put(i, own);
            }
            items.add(item);
        }
        return new SentItems<>(items, unread);
    }

    /** How many items were sent. */
    public int size() {
        return items.size();
    }

    /** The faults of the item at {@code place}: empty when it was read whole. */
    public List<String> faultsOf(int place) {
        return unread.getOrDefault(place, List.of());
    }

    /**
     * The faults of the item at {@code place}, then those its judgement found, except where a fault already names the
     * field: a field taken out for its fault reads as missing, and one answer names it once, for what was sent.
     *
     * @param at the item's path, as {@code marks[2]}
     * @param judged what the use case found, each as {@code marks[2].person: is not enrolled in this event}
     */
    public List<String> faultsWith(int place, String at, List<String> judged) {
        return merged(faultsOf(place), at, judged);
    }

    /**
     * {@code faults}, then each of {@code judged} not at a field that a fault names, holds or is held by (the item's own
     * path {@code at} excepted, which holds every field).
     */
    static List<String> merged(List<String> faults, String at, List<String> judged) {
        List<String> out = new ArrayList<>(faults);
        for (String j : judged) {
            String path = pathOf(j);
            boolean named = faults.stream().map(SentItems::pathOf).anyMatch(f -> f.equals(path)
                    || !path.equals(at) && within(f, path) || within(path, f));
            if (!named && !out.contains(j)) {
                out.add(j);
            }
        }
        return out;
    }

    /** Whether {@code inner} is a field within {@code outer} ({@code scores[0].points.Q1} within {@code scores[0].points}). */
    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /** A fault's path: what stands before its first ": ". */
    private static String pathOf(String fault) {
        int colon = fault.indexOf(": ");
        return colon < 0 ? fault : fault.substring(0, colon);
    }
}
