package org.licentia.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputTextarea;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.licentia.server.control.InputText;

/**
 * Every text field of every form, by the same rule as REST and SOAP input ({@link InputText}):
 * control characters, bidirectional controls and unpaired surrogates are refused with the field's
 * label, and the form is shown again with nothing done. A text area may hold line breaks.
 */
@FacesConverter(forClass = String.class)
public class TypedText implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null) {
            return null;
        }
        // a text area's lines (fields, a pasted request code or deactivation code) are what it is for
        String checked = component instanceof HtmlInputTextarea
                ? value.replace('\r', ' ').replace('\n', ' ')
                : value;
        String problem = InputText.problem(checked);
        if (problem != null) {
            Object label = component.getAttributes().get("label");
            String field = label != null ? label.toString() : component.getId();
            throw new ConverterException(
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, field + ": " + problem + " (INVALID_INPUT)", null));
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
