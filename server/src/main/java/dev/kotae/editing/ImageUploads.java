package dev.kotae.editing;

import dev.kotae.auth.Caller;

/**
 * Where {@link EditorService#upload} stores images (the REST API's image store); the editor checks who may
 * upload and writes the audit line, this stores the bytes.
 */
@FunctionalInterface
public interface ImageUploads {

    /** Not set up: every upload is refused with 501. */
    ImageUploads NONE = (caller, fileName, bytes) -> {
        throw new EditRejectedException(null, "image uploads are not set up", 501);
    };

    EditorService.StoredImage store(Caller caller, String fileName, byte[] bytes) throws EditRejectedException;
}
