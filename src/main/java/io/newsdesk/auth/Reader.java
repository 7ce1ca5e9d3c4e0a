package io.newsdesk.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who reads: the public, or an editor (a GET or HEAD with a right {@code Authorization: Bearer <key>}, checked by
 * {@link ReaderFilter}). An editor's read also shows articles under embargo, and no cache may share it.
 */
@RequestScoped
public class Reader {

    private boolean editor;

    /** Whether this request was made with a right editor key. */
    public boolean editor() {
        return editor;
    }

    void editor(boolean value) {
        editor = value;
    }
}
