using FluentValidation;

namespace PtClinic.Application.Common.Validation;

/// <summary>The checks every free-text field needs before it reaches PostgreSQL.</summary>
public static class TextRules
{
    /// <summary>
    /// At most <paramref name="maxLength"/> characters (the column's own constant), and no control
    /// characters: PostgreSQL refuses NUL in text outright, and the others are invisible in a form.
    /// <paramref name="what"/> names the field as a sentence would ("the name").
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(
        this IRuleBuilder<T, string?> rule, int maxLength, string what, bool multiLine = false) =>
        rule.MaximumLength(maxLength).WithMessage($"Keep {what} to {maxLength} characters or fewer.")
            .Must(text => text is null || !text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            .WithMessage($"{char.ToUpperInvariant(what[0])}{what[1..]} contains an invisible control character (such as NUL); retype it.");
}
