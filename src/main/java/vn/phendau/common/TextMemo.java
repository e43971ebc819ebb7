package vn.phendau.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a function gives for a text, worked out once per text: a service sees the same few names (provinces, zones)
 * over and over, and folding Vietnamese (NFD and patterns) showed in the profiles. Bounded in count and in length,
 * because the texts come from clients: past either bound the answer is worked out each time and not kept.
 */
public final class TextMemo<V> {

    private final Function<String, V> work;
    private final int maxEntries;
    private final int maxLength;
    private final Map<String, V> known = new ConcurrentHashMap<>();

    public TextMemo(Function<String, V> work, int maxEntries, int maxLength) {
        this.work = work;
        this.maxEntries = maxEntries;
        this.maxLength = maxLength;
    }

    public V get(String text) {
        if (text == null || text.length() > maxLength) {
            return work.apply(text);
        }
        V v = known.get(text);
        if (v == null) {
            v = work.apply(text);
            if (known.size() < maxEntries) {
                known.put(text, v);
            }
        }
        return v;
    }
}
