using System.Globalization;
using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Treatment;

namespace PtClinic.Domain.Plans;

/// <summary>Where a prescribed intervention happens: given by the therapist at a visit, or done by the patient at home.</summary>
public enum PlanSetting
{
    InClinic,
    Home,
}

/// <summary>How a measured goal compares the score with its target ("NPRS ≤ 2", "LEFS ≥ 60").</summary>
public enum GoalComparison
{
    AtMost,
    AtLeast,
}

/// <summary>
/// One goal of the plan (FHIR Goal): either measured — an outcome measure, a comparison and a
/// target, with the condition in words ("after 30 min sitting") — or functional, in words only;
/// both with the date it should be met by.
/// </summary>
public sealed record PlanGoal(string Description, OutcomeMeasure? Measure, GoalComparison? Comparison, decimal? Target, DateOnly TargetDate)
{
    public const int DescriptionMaxLength = 300;

    public bool IsMeasured => Measure is not null;

    /// <summary>"NPRS ≤ 2 after 30 min sitting, by 29 Dec 2026"; "Walk the dog for 20 minutes, by 29 Dec 2026".</summary>
    public string Describe()
    {
        var by = TargetDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        if (Measure is not { } measure)
        {
            return $"{Description}, by {by}";
        }

        var sign = Comparison == GoalComparison.AtLeast ? "≥" : "≤";
        var target = Target?.ToString("0.#", CultureInfo.InvariantCulture);
        var condition = string.IsNullOrEmpty(Description) ? string.Empty : " " + Description;
        return $"{OutcomeMeasureDefinition.For(measure).Abbreviation} {sign} {target}{condition}, by {by}";
    }

    internal PlanGoal Checked(DateOnly planStartsOn)
    {
        if (TargetDate < planStartsOn)
        {
            throw new DomainException("A goal's date cannot be before the plan starts.");
        }

        if (Measure is not { } measure)
        {
            return this with
            {
                Description = Guard.Required(Description, "The goal", DescriptionMaxLength),
                Comparison = null,
                Target = null,
            };
        }

        if (!Enum.IsDefined(measure))
        {
            throw new DomainException("Choose the goal's outcome measure from the list.");
        }

        var definition = OutcomeMeasureDefinition.For(measure);
        if (Comparison is not { } comparison || !Enum.IsDefined(comparison))
        {
            throw new DomainException($"Say whether the {definition.Abbreviation} score should be at most or at least the target.");
        }

        if (Target is not { } target || target < definition.Minimum || target > definition.Maximum)
        {
            throw new DomainException(
                $"The {definition.Abbreviation} target must be {definition.Minimum:0.#} to {definition.Maximum:0.#}.");
        }

        return this with { Description = Guard.Optional(Description, "The goal's condition", DescriptionMaxLength) ?? string.Empty };
    }
}

/// <summary>
/// One prescription of the plan (a FHIR CarePlan activity): an intervention of the catalog, where it
/// is done, its dose, notes, and the written clinical justification a relative contraindication asks for.
/// </summary>
public sealed record PlanItem(PlanSetting Setting, string InterventionCode, Dose Dose, string? Notes, string? Justification)
{
    public const int NotesMaxLength = 500;

    internal PlanItem Checked(InterventionDefinition intervention, SafetyContext safety)
    {
        if (!Enum.IsDefined(Setting))
        {
            throw new DomainException("Say whether the intervention is given in the clinic or done at home.");
        }

        if (Setting == PlanSetting.Home && !intervention.IsHomeItem)
        {
            throw new DomainException($"{intervention.Name} is given by the therapist, not done at home.");
        }

        if (Setting == PlanSetting.InClinic && !intervention.IsClinicItem)
        {
            throw new DomainException($"{intervention.Name} is done at home, not given in the clinic.");
        }

        var justification = SafetyRules.Check(intervention, safety).EnsureMayProceed(Justification);
        return this with
        {
            InterventionCode = intervention.Code,
            Dose = (Dose ?? Dose.None).Checked(),
            Notes = Guard.Optional(Notes, "The notes", NotesMaxLength),
            Justification = justification,
        };
    }
}

/// <summary>
/// Everything the therapist writes in a plan: when it starts, the problem list, the goals, how often
/// and how long the patient is seen, and what is prescribed in the clinic and at home.
/// </summary>
/// <param name="SettledSuggestions">Keys of the suggestions the therapist accepted or dropped: they are not suggested again for this draft.</param>
public sealed record PlanContent(
    DateOnly StartsOn,
    IReadOnlyList<string> Problems,
    IReadOnlyList<PlanGoal> Goals,
    int? VisitsPerWeek,
    int? DurationWeeks,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<string> SettledSuggestions)
{
    public const int ProblemMaxLength = 200;
    public const int MaxProblems = 12;
    public const int MaxGoals = 10;
    public const int MaxItems = 30;
    public const int MaxVisitsPerWeek = 7;
    public const int MaxDurationWeeks = 52;
    public const int SuggestionKeyMaxLength = 200;
    public const int MaxSettledSuggestions = 200;

    public static PlanContent Empty(DateOnly startsOn) => new(startsOn, [], [], null, null, [], []);

    public IEnumerable<PlanItem> InClinic => Items.Where(i => i.Setting == PlanSetting.InClinic);

    public IEnumerable<PlanItem> HomeProgram => Items.Where(i => i.Setting == PlanSetting.Home);

    /// <summary>"2 visits a week for 6 weeks", or null while either is not set.</summary>
    public string? DescribeFrequency() => (VisitsPerWeek, DurationWeeks) is ({ } visits, { } weeks)
        ? string.Create(CultureInfo.InvariantCulture, $"{visits} {(visits == 1 ? "visit" : "visits")} a week for {weeks} {(weeks == 1 ? "week" : "weeks")}")
        : null;

    /// <summary>
    /// The content, or the first rule it breaks as a sentence a therapist reads. Each prescription is
    /// checked against the safety rules with the patient as they are now.
    /// </summary>
    public PlanContent Checked(Func<string, InterventionDefinition?> intervention, SafetyContext safety)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(safety);
        var problems = (Problems ?? []).Select(p => Guard.Required(p, "A problem", ProblemMaxLength)).ToList();
        if (problems.Count > MaxProblems)
        {
            throw new DomainException($"List at most {MaxProblems} problems.");
        }

        if ((Goals ?? []).Count > MaxGoals)
        {
            throw new DomainException($"Set at most {MaxGoals} goals.");
        }

        if ((Items ?? []).Count > MaxItems)
        {
            throw new DomainException($"Prescribe at most {MaxItems} interventions.");
        }

        if (VisitsPerWeek is < 1 or > MaxVisitsPerWeek)
        {
            throw new DomainException($"Visits a week must be 1 to {MaxVisitsPerWeek}.");
        }

        if (DurationWeeks is < 1 or > MaxDurationWeeks)
        {
            throw new DomainException($"The plan's duration must be 1 to {MaxDurationWeeks} weeks.");
        }

        var items = (Items ?? []).Select(i => i.Checked(
                intervention(i.InterventionCode ?? string.Empty)
                    ?? throw new DomainException("Choose each intervention from the catalog."),
                safety))
            .ToList();
        if (items.GroupBy(i => (i.Setting, i.InterventionCode)).Any(g => g.Count() > 1))
        {
            throw new DomainException("Prescribe each intervention once in the clinic and once at home at most.");
        }

        var settled = (SettledSuggestions ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (settled.Count > MaxSettledSuggestions || settled.Any(s => s.Length > SuggestionKeyMaxLength))
        {
            throw new DomainException("Too many suggestions were accepted or dropped; reload the plan.");
        }

        return this with
        {
            Problems = problems,
            Goals = [.. (Goals ?? []).Select(g => g.Checked(StartsOn))],
            Items = items,
            SettledSuggestions = settled,
        };
    }
}
