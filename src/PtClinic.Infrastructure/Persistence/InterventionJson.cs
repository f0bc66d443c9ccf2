using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtClinic.Domain.Treatment;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// How a catalog entry's dose and contraindications are stored: small jsonb documents with a shape of
/// their own (enums by name, absent parts omitted), read back as recorded.
/// </summary>
internal static class InterventionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<Dose, string> DoseConverter { get; } = new(
        dose => SerializeDose(dose),
        json => DeserializeDose(json));

    public static ValueComparer<Dose> DoseComparer { get; } = new(
        (a, b) => a == b,
        dose => dose.GetHashCode(),
        dose => dose);

    public static ValueConverter<IReadOnlyList<InterventionContraindication>, string> ContraindicationsConverter { get; } = new(
        list => SerializeContraindications(list),
        json => DeserializeContraindications(json));

    public static ValueComparer<IReadOnlyList<InterventionContraindication>> ContraindicationsComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, c) => HashCode.Combine(hash, c)),
        list => list.ToList());

    public static string SerializeDose(Dose dose) =>
        JsonSerializer.Serialize(new DoseDocument(dose.Sets, dose.Reps, dose.HoldSeconds, dose.MinutesOn, dose.MinutesOff, dose.TimesPerDay, dose.DaysPerWeek), Options);

    public static Dose DeserializeDose(string json) =>
        JsonSerializer.Deserialize<DoseDocument>(json, Options) is { } d
            ? new Dose { Sets = d.Sets, Reps = d.Reps, HoldSeconds = d.HoldSeconds, MinutesOn = d.MinutesOn, MinutesOff = d.MinutesOff, TimesPerDay = d.TimesPerDay, DaysPerWeek = d.DaysPerWeek }
            : Dose.None;

    public static string SerializeContraindications(IReadOnlyList<InterventionContraindication> list) =>
        JsonSerializer.Serialize(list.Select(c => new ContraindicationDocument(c.Code, c.Severity)), Options);

    public static IReadOnlyList<InterventionContraindication> DeserializeContraindications(string json) =>
        [.. (JsonSerializer.Deserialize<List<ContraindicationDocument>>(json, Options) ?? []).Select(c => new InterventionContraindication(c.Code, c.Severity))];

    private sealed record DoseDocument(int? Sets, int? Reps, int? HoldSeconds, int? MinutesOn, int? MinutesOff, int? TimesPerDay, int? DaysPerWeek);

    private sealed record ContraindicationDocument(Contraindication Code, ContraindicationSeverity Severity);
}
