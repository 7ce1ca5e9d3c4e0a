package io.newsdesk.format;

import javax.xml.stream.XMLOutputFactory;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The XmlMapper of {@link XmlWriter}: Woodstox writing UTF-8 bytes, ISO date-times like JSON, no nulls. */
final class XmlOutput {

    private XmlOutput() {}

    static XmlMapper mapper() {
        XMLOutputFactory output = new WstxOutputFactory();
        // CR must travel as a character reference or a parser would normalize it to LF
        output.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(new WstxInputFactory())
                .xmlOutputFactory(output)
                .build();
        return XmlMapper.builder(factory)
                .annotationIntrospector(new WithoutNulls())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .build();
    }

    /**
     * XML has no null: a value that is absent is an absent element, whatever a record asks of JSON (a page's
     * {@code next} is {@code null} in JSON on the last page, and no {@code <next>} in XML).
     */
    private static final class WithoutNulls extends JacksonXmlAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
            return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS);
        }
    }
}
