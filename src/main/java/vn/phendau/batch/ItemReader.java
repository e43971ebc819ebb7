package vn.phendau.batch;

import java.io.Closeable;
import java.util.Iterator;

/**
 * A list read one item at a time, whatever its format: memory holds one item, not the list. A problem with the
 * whole input (not a list at all, an unknown column) is thrown as a ProblemException before the first item.
 */
public interface ItemReader extends Iterator<BatchItem>, Closeable {
}
