using FluentValidation;

namespace PtClinic.Application.Common.Time;

/// <summary>
/// Validation rules about the clinic's date. Validators are built once for the whole app, so the
/// operation's <see cref="ClinicClock"/> reaches them through the validation context, where the
/// validation behaviour puts it.
/// </summary>
public static class ClinicDateRules
{
    public const string ClockKey = nameof(ClinicClock);

    /// <summary>No later than the clinic's today (a date of birth, an onset, a consent).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> NotAfterClinicToday<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.MustAsync(async (_, date, context, ct) => date is not { } day || day <= await TodayAsync(context, ct));

    public static IRuleBuilderOptions<T, DateOnly> NotAfterClinicToday<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.MustAsync(async (_, day, context, ct) => day <= await TodayAsync(context, ct));

    private static ValueTask<DateOnly> TodayAsync(IValidationContext context, CancellationToken ct) =>
        context.RootContextData.TryGetValue(ClockKey, out var clock) && clock is ClinicClock clinicClock
            ? clinicClock.TodayAsync(ct)
            : throw new InvalidOperationException("A rule about the clinic's date ran outside the validation behaviour, which supplies the clinic's clock.");
}
