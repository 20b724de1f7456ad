package dev.kotae.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the page templates ({@code server/src/main/jte}), which the build compiles to Java: a template
 * that does not type-check fails the build, and every {@code ${…}} is escaped for where it stands in
 * the HTML (text, attribute, URL).
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code home.jte}) with the layout context and the page's own model. */
    /**
     * The page, written to the response as it is rendered: a page is never held whole in memory, so many
     * requests for a long article (a large table renders to megabytes) cannot take the heap between them.
     */
    StreamingOutput render(String name, PageContext page, String modelName, Object model) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        if (modelName != null) {
            params.put(modelName, model);
        }
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            engine.render(name, params, new WriterOutput(writer));
            writer.flush();
        };
    }
}
