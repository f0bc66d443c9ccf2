namespace PtClinic.Application.Common.Time;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now, at PostgreSQL's microsecond precision: a time the page shows right after a save is then
    /// exactly the time a reload reads.
    /// </summary>
    public static DateTimeOffset NowToTheMicrosecond(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
