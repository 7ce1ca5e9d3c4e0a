package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * XML: the same model as JSON with the same field names, under the element names the model's records declare
 * with Jackson's XML annotations ({@code @JacksonXmlRootElement} on each record, {@code @JacksonXmlElementWrapper}
 * and {@code @JacksonXmlProperty} on a list of items). It writes exactly the models that name their root element,
 * so a record nobody named never becomes {@code <SomeRecord>}. A null value is no element (see {@link XmlOutput}).
 * UTF-8 throughout, astral characters written as themselves.
 */
@ApplicationScoped
class XmlWriter implements ModelWriter {

    static final MediaType MEDIA_TYPE = new MediaType("application", "xml", "utf-8");

    private final ObjectWriter writer = XmlOutput.mapper().writer();

    @Override
    public String format() {
        return "xml";
    }

    @Override
    public MediaType mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean writes(Class<?> model) {
        return model.isAnnotationPresent(JacksonXmlRootElement.class);
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        writer.writeValue(out, model);
    }
}
