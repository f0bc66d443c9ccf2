using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtClinic.Domain.Clinics;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// How a clinic's <see cref="OpeningHours"/> are stored: a jsonb list of the open days,
/// <c>[{"day":"Monday","opens":"08:00","closes":"18:00"}]</c>; a day not listed is closed. Reading
/// goes through the domain constructors, so a stored document is checked like typed input.
/// </summary>
internal static class OpeningHoursJson
{
    private const string TimeFormat = "HH:mm";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<OpeningHours, string> Converter { get; } = new(
        hours => Serialize(hours),
        json => Deserialize(json));

    /// <summary>Two weeks are the same when they store the same document.</summary>
    public static ValueComparer<OpeningHours> Comparer { get; } = new(
        (a, b) => Serialize(a!) == Serialize(b!),
        hours => Serialize(hours).GetHashCode(StringComparison.Ordinal),
        hours => hours);

    public static string Serialize(OpeningHours hours) => JsonSerializer.Serialize(
        hours.OpenDays.Select(d => new StoredDay(d.Day, d.Opens.ToString(TimeFormat, CultureInfo.InvariantCulture), d.Closes.ToString(TimeFormat, CultureInfo.InvariantCulture))),
        Options);

    public static OpeningHours Deserialize(string json) => OpeningHours.Of(
        (JsonSerializer.Deserialize<List<StoredDay>>(json, Options) ?? [])
            .Select(d => new OpenDay(d.Day, Time(d.Opens), Time(d.Closes))));

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);

    private sealed record StoredDay(DayOfWeek Day, string Opens, string Closes);
}
