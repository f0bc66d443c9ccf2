using PtClinic.Domain.Common;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// What the patient reports about daily life. Every answer is optional: null means "not asked",
/// which is different from a "no" and never counts as evidence for a root cause.
/// </summary>
public sealed record LifestyleFindings
{
    public const decimal MaxHoursSittingPerDay = 24;
    public const int MaxActiveDaysPerWeek = 7;

    /// <summary>A load can at most drop to nothing; a rise above +1000 % is a typing slip, not a patient.</summary>
    public const int MinTrainingLoadChangePercent = -100;
    public const int MaxTrainingLoadChangePercent = 1000;

    public LifestyleFindings(
        decimal? hoursSittingPerDay = null,
        int? activeDaysPerWeek = null,
        int? trainingLoadChangePercentOver4Weeks = null,
        bool? warmsUpBeforeExercise = null,
        bool? dietMostlyProcessed = null)
    {
        if (hoursSittingPerDay is < 0 or > MaxHoursSittingPerDay)
        {
            throw new DomainException($"Hours sitting per day must be between 0 and {MaxHoursSittingPerDay}.");
        }

        if (activeDaysPerWeek is < 0 or > MaxActiveDaysPerWeek)
        {
            throw new DomainException($"Active days per week must be between 0 and {MaxActiveDaysPerWeek}.");
        }

        if (trainingLoadChangePercentOver4Weeks is < MinTrainingLoadChangePercent or > MaxTrainingLoadChangePercent)
        {
            throw new DomainException(
                $"The training-load change over 4 weeks must be between {MinTrainingLoadChangePercent} % and +{MaxTrainingLoadChangePercent} %.");
        }

        HoursSittingPerDay = hoursSittingPerDay;
        ActiveDaysPerWeek = activeDaysPerWeek;
        TrainingLoadChangePercentOver4Weeks = trainingLoadChangePercentOver4Weeks;
        WarmsUpBeforeExercise = warmsUpBeforeExercise;
        DietMostlyProcessed = dietMostlyProcessed;
    }

    /// <summary>
    /// The values exactly as an earlier note stored them, without today's rules: a rule tightened
    /// since must not make a signed note unreadable. Never for new input, which goes through the
    /// constructor.
    /// </summary>
    public static LifestyleFindings AsRecorded(
        decimal? hoursSittingPerDay, int? activeDaysPerWeek, int? trainingLoadChangePercentOver4Weeks, bool? warmsUpBeforeExercise, bool? dietMostlyProcessed) => new()
    {
        HoursSittingPerDay = hoursSittingPerDay,
        ActiveDaysPerWeek = activeDaysPerWeek,
        TrainingLoadChangePercentOver4Weeks = trainingLoadChangePercentOver4Weeks,
        WarmsUpBeforeExercise = warmsUpBeforeExercise,
        DietMostlyProcessed = dietMostlyProcessed,
    };

    private LifestyleFindings()
    {
    }

    public decimal? HoursSittingPerDay { get; private init; }

    public int? ActiveDaysPerWeek { get; private init; }

    /// <summary>Change in weekly training load over the last 4 weeks, in percent (+40 means 40 % more).</summary>
    public int? TrainingLoadChangePercentOver4Weeks { get; private init; }

    public bool? WarmsUpBeforeExercise { get; private init; }

    /// <summary>Recorded for prevention education (whole foods); no root-cause rule reads it yet.</summary>
    public bool? DietMostlyProcessed { get; private init; }
}
