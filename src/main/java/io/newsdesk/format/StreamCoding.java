package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How a streamed representation's bytes are coded on their way out (a content coding such as gzip, chosen by
 * whoever answers the request; {@link #IDENTITY}: as they are). Closing the stream {@link #wrap} made ends the
 * coding and the response.
 */
public interface StreamCoding {

    StreamCoding IDENTITY = new StreamCoding() {
        @Override
        public OutputStream wrap(OutputStream out) {
            return out;
        }
    };

    OutputStream wrap(OutputStream out) throws IOException;

    /**
     * After a failure: frees what {@link #wrap} made without writing anything more to the response, which the
     * caller then cuts. Nothing to do for identity.
     */
    default void abandon(OutputStream wrapped) {}
}
