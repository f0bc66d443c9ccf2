using System.Globalization;
using FluentValidation;

namespace PtClinic.Application.Common.Validation;

/// <summary>The rules every free-text field a clinician types shares, worded for the field.</summary>
public static class TextRules
{
    /// <summary>
    /// At most <paramref name="maxLength"/> characters, the same constant as the column, and no NUL
    /// character, which PostgreSQL refuses in text (SQLSTATE 22021): caught here, the person is told
    /// which field to fix instead of the save failing at the database. <paramref name="what"/>
    /// names the field in a sentence ("the subjective").
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule
            .MaximumLength(maxLength)
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Shorten {what} to {maxLength:N0} characters or fewer."))
            .Must(text => text is null || !text.Contains('\0', StringComparison.Ordinal))
            .WithMessage($"Remove the NUL characters from {what}; they cannot be stored.");
}
