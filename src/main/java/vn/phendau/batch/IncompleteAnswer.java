package vn.phendau.batch;

import vn.phendau.common.Text;

/**
 * A list's answer that began and could not be finished: by the time this is thrown the answer already ends with
 * the mark that says so (JSON's "incomplete" member, CSV's INCOMPLETE row, Excel's sheet), so the caller only
 * has to keep it from passing for a complete one (the command line's exit code).
 */
public class IncompleteAnswer extends RuntimeException {

    private final transient Text reason;
    private final int items;

    public IncompleteAnswer(Text reason, int items, Throwable cause) {
        super(reason.en(), cause, false, false);
        this.reason = reason;
        this.items = items;
    }

    public Text reason() {
        return reason;
    }

    /** Items answered before the answer stopped. */
    public int items() {
        return items;
    }
}
