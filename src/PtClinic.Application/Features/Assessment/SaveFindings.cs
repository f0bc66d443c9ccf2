using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Assessment;

/// <summary>
/// The findings form as the page edits it: every answer optional (null: not assessed). The same
/// shape is read back, so what was saved is what the form shows after a reload.
/// </summary>
public sealed record FindingsInput
{
    public static FindingsInput Empty { get; } = new();

    public int? PainNow { get; init; }

    public int? PainBest24Hours { get; init; }

    public int? PainWorst24Hours { get; init; }

    public string? Aggravating { get; init; }

    public string? Easing { get; init; }

    public decimal? HoursSittingPerDay { get; init; }

    public int? ActiveDaysPerWeek { get; init; }

    public int? TrainingLoadChangePercent { get; init; }

    public bool? WarmsUpBeforeExercise { get; init; }

    public bool? DietMostlyProcessed { get; init; }

    public IReadOnlyList<RangeOfMotionInput> RangeOfMotion { get; init; } = [];

    public IReadOnlyList<StrengthInput> Strength { get; init; } = [];

    public IReadOnlyList<PostureObservation> Posture { get; init; } = [];

    public bool? MuscleGuardingObserved { get; init; }

    public string? MuscleGuardingNote { get; init; }

    public IReadOnlyList<RedFlag> RedFlags { get; init; } = [];

    /// <summary>Infection, broken skin or acute inflammation at the area to be treated: the safety rules read them.</summary>
    public TreatmentAreaFindings TreatmentArea { get; init; } = TreatmentAreaFindings.None;

    public Findings ToFindings()
    {
        var pain = new PainFindings(PainNow, PainBest24Hours, PainWorst24Hours, Aggravating, Easing);
        var lifestyle = new LifestyleFindings(HoursSittingPerDay, ActiveDaysPerWeek, TrainingLoadChangePercent, WarmsUpBeforeExercise, DietMostlyProcessed);
        return Findings.None with
        {
            Pain = pain == new PainFindings() ? null : pain,
            Lifestyle = lifestyle == new LifestyleFindings() ? null : lifestyle,
            RangeOfMotion = [.. RangeOfMotion.Select(r => new RangeOfMotionFinding(
                r.Test,
                r.LeftDegrees ?? throw MissingSide(r.Test),
                r.RightDegrees ?? throw MissingSide(r.Test)))],
            Strength = [.. Strength.Select(s => new StrengthFinding(s.MuscleGroup, s.Side, s.Grade))],
            Posture = new HashSet<PostureObservation>(Posture),
            MuscleGuarding = MuscleGuardingObserved is { } observed ? new MuscleGuardingFinding(observed, MuscleGuardingNote) : null,
            RedFlags = new HashSet<RedFlag>(RedFlags),
            TreatmentArea = TreatmentArea ?? TreatmentAreaFindings.None,
        };
    }

    private static DomainException MissingSide(RangeOfMotionTest test) =>
        new($"Measure the {RangeOfMotionReferences.For(test).Label} on both sides, or leave both empty.");

    public static FindingsInput From(Findings findings) => new()
    {
        PainNow = findings.Pain?.Now,
        PainBest24Hours = findings.Pain?.Best24Hours,
        PainWorst24Hours = findings.Pain?.Worst24Hours,
        Aggravating = findings.Pain?.Aggravating,
        Easing = findings.Pain?.Easing,
        HoursSittingPerDay = findings.Lifestyle?.HoursSittingPerDay,
        ActiveDaysPerWeek = findings.Lifestyle?.ActiveDaysPerWeek,
        TrainingLoadChangePercent = findings.Lifestyle?.TrainingLoadChangePercentOver4Weeks,
        WarmsUpBeforeExercise = findings.Lifestyle?.WarmsUpBeforeExercise,
        DietMostlyProcessed = findings.Lifestyle?.DietMostlyProcessed,
        RangeOfMotion = [.. findings.RangeOfMotion.Select(r => new RangeOfMotionInput(r.Test, r.LeftDegrees, r.RightDegrees))],
        Strength = [.. findings.Strength.Select(s => new StrengthInput(s.MuscleGroup, s.Side, s.Grade))],
        Posture = [.. findings.Posture.Order()],
        MuscleGuardingObserved = findings.MuscleGuarding?.Observed,
        MuscleGuardingNote = findings.MuscleGuarding?.Note,
        RedFlags = [.. findings.RedFlags.Order()],
        TreatmentArea = findings.TreatmentArea,
    };
}

/// <summary>A flexibility test; a side left empty is reported, not dropped: a test is recorded on both legs.</summary>
public sealed record RangeOfMotionInput(RangeOfMotionTest Test, int? LeftDegrees, int? RightDegrees);

public sealed record StrengthInput(MuscleGroup MuscleGroup, BodySide Side, int Grade);

/// <summary>Saves the visit's findings (replacing the last save); the first save starts the assessment.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record SaveFindingsCommand(Guid VisitId, uint? Version, FindingsInput Findings) : ICommand<Result<AssessmentSaved>>;

public sealed class SaveFindingsValidator : AbstractValidator<SaveFindingsCommand>
{
    public SaveFindingsValidator()
    {
        RuleFor(c => c.VisitId).Identifies("visit");
        RuleFor(c => c.Findings).NotNull().WithMessage("Send the findings (empty parts are fine).");
        When(c => c.Findings is not null, () =>
        {
            RuleFor(c => c.Findings.PainNow).Between(0, PainFindings.MaxRating, "pain now");
            RuleFor(c => c.Findings.PainBest24Hours).Between(0, PainFindings.MaxRating, "pain at its best");
            RuleFor(c => c.Findings.PainWorst24Hours).Between(0, PainFindings.MaxRating, "pain at its worst");
            RuleFor(c => c.Findings.PainBest24Hours)
                .LessThanOrEqualTo(c => c.Findings.PainWorst24Hours)
                .When(c => c.Findings.PainBest24Hours is not null && c.Findings.PainWorst24Hours is not null)
                .WithMessage("Pain at its best cannot be higher than at its worst.");
            RuleFor(c => c.Findings.PainNow)
                .Must((c, now) => now >= (c.Findings.PainBest24Hours ?? 0) && now <= (c.Findings.PainWorst24Hours ?? PainFindings.MaxRating))
                .When(c => c.Findings.PainNow is not null)
                .WithMessage("Pain now must lie between its best and its worst of the last 24 hours.");
            RuleFor(c => c.Findings.Aggravating).SingleLine(PainFindings.FactorsMaxLength, "the aggravating factors");
            RuleFor(c => c.Findings.Easing).SingleLine(PainFindings.FactorsMaxLength, "the easing factors");
            RuleFor(c => c.Findings.HoursSittingPerDay).Between(0, LifestyleFindings.MaxHoursSittingPerDay, "hours sitting per day");
            RuleFor(c => c.Findings.ActiveDaysPerWeek).Between(0, LifestyleFindings.MaxActiveDaysPerWeek, "active days per week");
            RuleFor(c => c.Findings.TrainingLoadChangePercent)
                .Between(LifestyleFindings.MinTrainingLoadChangePercent, LifestyleFindings.MaxTrainingLoadChangePercent, "the training-load change over 4 weeks", "%");
            RuleFor(c => c.Findings.MuscleGuardingNote).SingleLine(MuscleGuardingFinding.NoteMaxLength, "the muscle-guarding note");
            RuleForEach(c => c.Findings.RangeOfMotion).ChildRules(rom =>
            {
                rom.RuleFor(r => r).Must(r => r.LeftDegrees is not null && r.RightDegrees is not null)
                    .WithMessage(r => $"Measure the {RangeOfMotionReferences.For(r.Test).Label} on both sides, or leave both empty.");
                rom.RuleFor(r => r).Must(r => r.LeftDegrees is null or >= 0 && r.LeftDegrees <= RangeOfMotionReferences.For(r.Test).MaxDegrees)
                    .WithMessage(r => $"Left {RangeOfMotionReferences.For(r.Test).Label} must be 0° to {RangeOfMotionReferences.For(r.Test).MaxDegrees}°.");
                rom.RuleFor(r => r).Must(r => r.RightDegrees is null or >= 0 && r.RightDegrees <= RangeOfMotionReferences.For(r.Test).MaxDegrees)
                    .WithMessage(r => $"Right {RangeOfMotionReferences.For(r.Test).Label} must be 0° to {RangeOfMotionReferences.For(r.Test).MaxDegrees}°.");
            }).OverridePropertyName("RangeOfMotion");
            RuleForEach(c => c.Findings.Strength).ChildRules(mmt =>
                mmt.RuleFor(s => s.Grade).Between(StrengthFinding.MinGrade, StrengthFinding.MaxGrade, "a muscle test grade (Oxford scale)"))
                .OverridePropertyName("Strength");
        });
    }
}

public sealed class SaveFindingsHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveFindingsCommand, Result<AssessmentSaved>>
{
    public async ValueTask<Result<AssessmentSaved>> Handle(SaveFindingsCommand command, CancellationToken cancellationToken)
    {
        var findings = command.Findings.ToFindings();
        return await db.EditAsync(command.VisitId, command.Version, currentUser, clock,
            (assessment, editor, at) => assessment.RecordFindings(findings, editor, at), cancellationToken);
    }
}
