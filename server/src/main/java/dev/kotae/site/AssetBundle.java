package dev.kotae.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' script and style sheet, read once from {@code site/assets/}, with a version (a digest of
 * their bytes) that pages put in the asset URLs: browsers may then cache them for a year, and a new
 * release is fetched at once because its URLs differ.
 */
final class AssetBundle {

    /** An asset's bytes and media type. */
    record Asset(byte[] bytes, String mediaType) {}

    /**
     * kotae.js on every page; editor.js only on the editor's form, which customers never load; contact.js
     * only on {@code /contact}.
     */
    private static final Map<String, String> FILES = Map.of("kotae.js", "text/javascript; charset=utf-8",
            "kotae.css", "text/css; charset=utf-8", "editor.js", "text/javascript; charset=utf-8",
            "contact.js", "text/javascript; charset=utf-8");

    private final Map<String, Asset> assets;
    private final String version;

    private AssetBundle(Map<String, Asset> assets, String version) {
        this.assets = assets;
        this.version = version;
    }

    static AssetBundle load() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<String, Asset> assets = new LinkedHashMap<>();
            for (String name : FILES.keySet().stream().sorted().toList()) {
                try (InputStream in = AssetBundle.class.getResourceAsStream("/site/assets/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("site/assets/" + name + " is missing from the build");
                    }
                    byte[] bytes = in.readAllBytes();
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                    assets.put(name, new Asset(bytes, FILES.get(name)));
                }
            }
            return new AssetBundle(Map.copyOf(assets), HexFormat.of().formatHex(digest.digest()).substring(0, 12));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the site assets", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Asset get(String name) {
        return assets.get(name);
    }

    String version() {
        return version;
    }
}
