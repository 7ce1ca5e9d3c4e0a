package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/** JSON, the default: every view record, with the contract's field names. */
@ApplicationScoped
class JsonWriter implements ModelWriter {

    private final ObjectMapper mapper;

    JsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
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
        mapper.writeValue(out, model);
    }
}
