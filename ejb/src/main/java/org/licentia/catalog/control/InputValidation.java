package org.licentia.catalog.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Checks commands from outside with their Bean Validation constraints (Hibernate Validator) and
 * reports every broken field at once, so a client fixes its request in one round.
 */
@ApplicationScoped
public class InputValidation {

    @Inject
    ValidatorFactory validators;

    private Validator validator;

    /**
     * Commands are records, never entities, so Jakarta Persistence's reachability checks (the
     * default traversable resolver asks whether each property is loaded, through one shared,
     * synchronised cache) can only cost: under load every request queued on that cache.
     */
    @PostConstruct
    void init() {
        validator = validators
                .usingContext()
                .traversableResolver(new EverythingReachable())
                .getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    }

    public <T> T require(T command) {
        if (command == null) {
            throw new LicensingException(ErrorCode.INVALID_INPUT, "The request has no body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return command;
    }

    static LicensingException invalid(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> details = new TreeMap<>();
        for (ConstraintViolation<?> v : violations) {
            details.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
        }
        StringBuilder message = new StringBuilder("Invalid input:");
        details.forEach((field, problem) ->
                message.append(' ').append(field).append(' ').append(problem).append(';'));
        message.setLength(message.length() - 1);
        return new LicensingException(ErrorCode.INVALID_INPUT, message.toString(), details);
    }

    /** An ISO date (YYYY-MM-DD) or null; the field name goes into the error. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    field + " must be a date YYYY-MM-DD, got '" + value + "'",
                    Map.of(field, "a date YYYY-MM-DD"));
        }
    }
}
