package dev.vigil.devstack;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a count or a duration from the command line: a whole number above zero. */
final class PositiveNumber implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (number <= 0) {
            throw new TypeConversionException("'" + value + "' is not above zero");
        }
        return number;
    }
}
