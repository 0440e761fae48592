package org.licentia.catalog.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.id();
    }

    @Override
    public Role convertToEntityAttribute(String id) {
        return id == null ? null : Role.byId(id).orElseThrow(() -> new IllegalStateException("Unknown role " + id));
    }
}
