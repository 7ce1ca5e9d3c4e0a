package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/** JSON, the default: every view record, with the contract's field names. */
@ApplicationScoped
class JsonWriter implements ModelWriter {

    /** Astral characters (emoji) as raw UTF-8, not as escaped surrogate pairs. */
    private final ObjectWriter writer;

    JsonWriter(ObjectMapper mapper) {
        this.writer = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    @Override
    public int preference() {
        return 0;
    }

    @Override
    public boolean writes(Class<?> model) {
        return true;
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        writer.writeValue(out, model);
    }
}
