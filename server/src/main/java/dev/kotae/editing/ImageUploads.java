package dev.kotae.editing;

import dev.kotae.auth.Caller;

/**
 * Where {@link EditorService#upload} keeps an uploaded image once it has checked that the caller may
 * upload: the editor service decides who, this decides what is accepted and where it goes.
 */
public interface ImageUploads {

    /**
     * Stores {@code bytes} as an image and returns where it is served.
     *
     * @param fileName the client's name for the file, used only for a readable slug (never as a path)
     * @throws EditRejectedException 415 when the bytes are not a PNG, JPEG, GIF or WebP image; 413 when
     *     they are over the limit; 400 when empty
     */
    EditorService.StoredImage store(Caller caller, String fileName, byte[] bytes) throws EditRejectedException;
}
