using FluentValidation;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>A dose as a form sends it; every part optional.</summary>
public sealed record DoseInput(int? Sets, int? Reps, int? HoldSeconds, int? MinutesOn, int? MinutesOff, int? TimesPerDay, int? DaysPerWeek)
{
    public static DoseInput From(Dose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return new(dose.Sets, dose.Reps, dose.HoldSeconds, dose.MinutesOn, dose.MinutesOff, dose.TimesPerDay, dose.DaysPerWeek);
    }

    public Dose ToDose() => new()
    {
        Sets = Sets, Reps = Reps, HoldSeconds = HoldSeconds, MinutesOn = MinutesOn, MinutesOff = MinutesOff,
        TimesPerDay = TimesPerDay, DaysPerWeek = DaysPerWeek,
    };
}

/// <summary>The dose bounds of <see cref="Dose"/>, as field errors: every form with a dose uses this one.</summary>
public sealed class DoseInputValidator : AbstractValidator<DoseInput>
{
    public DoseInputValidator()
    {
        RuleFor(d => d.Sets).Between(1, Dose.MaxSets, "sets");
        RuleFor(d => d.Reps).Between(1, Dose.MaxReps, "repetitions");
        RuleFor(d => d.HoldSeconds).Between(1, Dose.MaxHoldSeconds, "the hold", "seconds");
        RuleFor(d => d.MinutesOn).Between(1, Dose.MaxMinutes, "minutes on");
        RuleFor(d => d.MinutesOff).Between(1, Dose.MaxMinutes, "minutes off");
        RuleFor(d => d.TimesPerDay).Between(1, Dose.MaxTimesPerDay, "times a day");
        RuleFor(d => d.DaysPerWeek).Between(1, Dose.MaxDaysPerWeek, "days a week");
    }
}

/// <summary>A catalog entry as the admin's form sends it.</summary>
public sealed record InterventionInput(
    string Name,
    InterventionCategory? Category,
    Performer? Performer,
    DoseInput Dose,
    string PatientWording,
    string? Precautions,
    IReadOnlyList<InterventionContraindication> Contraindications,
    BillingKind? Billing,
    string? CptCode)
{
    /// <summary>The definition under <paramref name="code"/>; the validator has checked the choices are given.</summary>
    public InterventionDefinition ToDefinition(string code) => new(
        code, Name, Category!.Value, Performer!.Value, Dose.ToDose(), PatientWording, Precautions ?? string.Empty,
        Contraindications ?? [], Billing!.Value, string.IsNullOrWhiteSpace(CptCode) ? null : CptCode.Trim());
}

public sealed class InterventionInputValidator : AbstractValidator<InterventionInput>
{
    public InterventionInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the intervention's name.")
            .SingleLine(InterventionDefinition.NameMaxLength, "the name");
        RuleFor(i => i.Category).OneOf("a category");
        RuleFor(i => i.Performer).OneOf("who performs it");
        RuleFor(i => i.Dose).NotNull().WithMessage("Give the default dose, or leave its parts empty.")
            .SetValidator(new DoseInputValidator());
        RuleFor(i => i.PatientWording).NotEmpty().WithMessage("Write the instructions the patient reads.")
            .MultiLine(InterventionDefinition.PatientWordingMaxLength, "the patient's instructions");
        RuleFor(i => i.Precautions).MultiLine(InterventionDefinition.PrecautionsMaxLength, "the precautions");
        RuleFor(i => i.Contraindications).NotNull().WithMessage("Choose the contraindications, or none.")
            .Must(list => list is null || list.Select(c => c.Code).Distinct().Count() == list.Count)
            .WithMessage("List each contraindication once.");
        RuleForEach(i => i.Contraindications).Must(c => c is not null && Enum.IsDefined(c.Code) && Enum.IsDefined(c.Severity))
            .WithMessage("Choose contraindications from the list.");
        RuleFor(i => i.Billing).OneOf("how it is billed");
        RuleFor(i => i.CptCode).NotEmpty().WithMessage("Enter the CPT code it is billed under, for example 97110.")
            .When(i => i.Billing is BillingKind.Timed or BillingKind.Untimed);
        RuleFor(i => i.CptCode).SingleLine(InterventionDefinition.CptCodeMaxLength, "the CPT code");
        RuleFor(i => i.CptCode).Matches("^[0-9]{5}$").WithMessage("A CPT code is five digits, for example 97110.")
            .When(i => !string.IsNullOrWhiteSpace(i.CptCode));
    }
}
