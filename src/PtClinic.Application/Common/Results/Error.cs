namespace PtClinic.Application.Common.Results;

public enum ErrorKind
{
    /// <summary>Input is wrong; <see cref="Error.Fields"/> says which field and why.</summary>
    Validation,
    NotFound,
    /// <summary>Someone else changed the record first; nothing was overwritten.</summary>
    Conflict,
    Forbidden,
    /// <summary>A clinical or business rule refused the change (a domain rule).</summary>
    Rule,
}

public sealed record FieldError(string Field, string Message);

/// <summary>An expected failure, carried as a value so the UI and the API can show it next to the field.</summary>
public sealed record Error(ErrorKind Kind, string Message, IReadOnlyList<FieldError> Fields)
{
    public static Error Validation(IReadOnlyList<FieldError> fields) =>
        new(ErrorKind.Validation, "Some fields need attention.", fields);

    public static Error Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static Error NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.", []);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message, []);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message, []);

    public static Error Rule(string message) => new(ErrorKind.Rule, message, []);

    /// <summary>The message for one field, or null when that field is fine.</summary>
    public string? For(string field) =>
        Fields.FirstOrDefault(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase))?.Message;
}
