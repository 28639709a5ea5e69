package dev.vigil.devstack;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an option's value as one of an enum's constants, by its name in lower case; names them all if it is none. */
abstract class EnumName<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumName(Class<E> type) {
        this.type = type;
    }

    /** How the command line spells {@code constant}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convert(String value) {
        E[] constants = type.getEnumConstants();
        return Stream.of(constants).filter(c -> of(c).equals(value.trim())).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of "
                        + Stream.of(constants).map(EnumName::of).collect(Collectors.joining(", "))));
    }
}
