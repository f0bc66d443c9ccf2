using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// How a visit's <see cref="Findings"/> are stored: one jsonb document with an explicit shape of its
/// own, so a rename in the domain never silently changes what old notes read back. Enums are
/// stored by name; absent parts are omitted. Reading goes through the domain constructors, but a
/// document written under an earlier, looser rule is read as it was stored, never refused.
/// </summary>
internal static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<Findings, string> Converter { get; } = new(
        findings => Serialize(findings),
        json => Deserialize(json));

    /// <summary>Findings are immutable records; two are the same when they store the same document.</summary>
    public static ValueComparer<Findings> Comparer { get; } = new(
        (a, b) => Serialize(a!) == Serialize(b!),
        findings => Serialize(findings).GetHashCode(StringComparison.Ordinal),
        findings => findings);

    public static string Serialize(Findings findings) => JsonSerializer.Serialize(Document.From(findings), Options);

    public static Findings Deserialize(string json) =>
        (JsonSerializer.Deserialize<Document>(json, Options) ?? new Document()).ToFindings();

    private sealed record Document
    {
        public PainDocument? Pain { get; init; }

        public LifestyleDocument? Lifestyle { get; init; }

        public List<RangeOfMotionDocument>? RangeOfMotion { get; init; }

        public List<StrengthDocument>? Strength { get; init; }

        public List<PostureObservation>? Posture { get; init; }

        public GuardingDocument? MuscleGuarding { get; init; }

        public List<RedFlag>? RedFlags { get; init; }

        public TreatmentAreaDocument? TreatmentArea { get; init; }

        public static Document From(Findings f) => new()
        {
            Pain = f.Pain is { } p ? new PainDocument(p.Now, p.Best24Hours, p.Worst24Hours, p.Aggravating, p.Easing) : null,
            Lifestyle = f.Lifestyle is { } l
                ? new LifestyleDocument(l.HoursSittingPerDay, l.ActiveDaysPerWeek, l.TrainingLoadChangePercentOver4Weeks, l.WarmsUpBeforeExercise, l.DietMostlyProcessed)
                : null,
            RangeOfMotion = f.RangeOfMotion.Count == 0 ? null : [.. f.RangeOfMotion.Select(r => new RangeOfMotionDocument(r.Test, r.LeftDegrees, r.RightDegrees))],
            Strength = f.Strength.Count == 0 ? null : [.. f.Strength.Select(s => new StrengthDocument(s.MuscleGroup, s.Side, s.Grade))],
            Posture = f.Posture.Count == 0 ? null : [.. f.Posture.Order()],
            MuscleGuarding = f.MuscleGuarding is { } g ? new GuardingDocument(g.Observed, g.Note) : null,
            RedFlags = f.RedFlags.Count == 0 ? null : [.. f.RedFlags.Order()],
            TreatmentArea = f.TreatmentArea == TreatmentAreaFindings.None
                ? null
                : new TreatmentAreaDocument(f.TreatmentArea.LocalInfection, f.TreatmentArea.BrokenSkin, f.TreatmentArea.AcuteInflammation),
        };

        /// <summary>
        /// Each part is read through the domain's constructor, as typed input is; a part that today's
        /// rules refuse (a rule tightened after the note was written) is kept exactly as stored, so an
        /// older note stays readable and says what was recorded.
        /// </summary>
        public Findings ToFindings() => Findings.None with
        {
            Pain = Pain is { } p
                ? AsRecordedIfRefused(
                    () => new PainFindings(p.Now, p.Best24Hours, p.Worst24Hours, p.Aggravating, p.Easing),
                    () => PainFindings.AsRecorded(p.Now, p.Best24Hours, p.Worst24Hours, p.Aggravating, p.Easing))
                : null,
            Lifestyle = Lifestyle is { } l
                ? AsRecordedIfRefused(
                    () => new LifestyleFindings(l.HoursSittingPerDay, l.ActiveDaysPerWeek, l.TrainingLoadChangePercentOver4Weeks, l.WarmsUpBeforeExercise, l.DietMostlyProcessed),
                    () => LifestyleFindings.AsRecorded(l.HoursSittingPerDay, l.ActiveDaysPerWeek, l.TrainingLoadChangePercentOver4Weeks, l.WarmsUpBeforeExercise, l.DietMostlyProcessed))
                : null,
            // A test or muscle group stored twice (a rule stricter than the one it was written under) keeps its first reading.
            RangeOfMotion = [.. (RangeOfMotion ?? []).DistinctBy(r => r.Test).Select(r => AsRecordedIfRefused(
                () => new RangeOfMotionFinding(r.Test, r.LeftDegrees, r.RightDegrees),
                () => RangeOfMotionFinding.AsRecorded(r.Test, r.LeftDegrees, r.RightDegrees)))],
            Strength = [.. (Strength ?? []).DistinctBy(s => (s.MuscleGroup, s.Side)).Select(s => AsRecordedIfRefused(
                () => new StrengthFinding(s.MuscleGroup, s.Side, s.Grade),
                () => StrengthFinding.AsRecorded(s.MuscleGroup, s.Side, s.Grade)))],
            Posture = new HashSet<PostureObservation>(Posture ?? []),
            MuscleGuarding = MuscleGuarding is { } g
                ? AsRecordedIfRefused(() => new MuscleGuardingFinding(g.Observed, g.Note), () => MuscleGuardingFinding.AsRecorded(g.Observed, g.Note))
                : null,
            RedFlags = new HashSet<RedFlag>(RedFlags ?? []),
            TreatmentArea = TreatmentArea is { } area
                ? new TreatmentAreaFindings { LocalInfection = area.LocalInfection, BrokenSkin = area.BrokenSkin, AcuteInflammation = area.AcuteInflammation }
                : TreatmentAreaFindings.None,
        };

        private static T AsRecordedIfRefused<T>(Func<T> checkedRead, Func<T> asRecorded)
        {
            try
            {
                return checkedRead();
            }
            catch (DomainException)
            {
                return asRecorded();
            }
        }
    }

    private sealed record PainDocument(int? Now, int? Best24Hours, int? Worst24Hours, string? Aggravating, string? Easing);

    private sealed record LifestyleDocument(decimal? HoursSittingPerDay, int? ActiveDaysPerWeek, int? TrainingLoadChangePercentOver4Weeks, bool? WarmsUpBeforeExercise, bool? DietMostlyProcessed);

    private sealed record RangeOfMotionDocument(RangeOfMotionTest Test, int LeftDegrees, int RightDegrees);

    private sealed record StrengthDocument(MuscleGroup MuscleGroup, BodySide Side, int Grade);

    private sealed record GuardingDocument(bool Observed, string? Note);

    private sealed record TreatmentAreaDocument(bool LocalInfection, bool BrokenSkin, bool AcuteInflammation);
}
