using FluentValidation;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Patients;

namespace PtClinic.Application.Features.Patients;

/// <summary>What registering and editing a patient both carry, so both check it the same way.</summary>
public interface IPatientDemographics
{
    string GivenName { get; }

    string FamilyName { get; }

    DateOnly? DateOfBirth { get; }

    Sex? Sex { get; }

    string? Phone { get; }

    string? Email { get; }

    string? Occupation { get; }
}

/// <summary>The rules on a patient's name, birth date, sex and contact details, with the messages the forms show.</summary>
public sealed class PatientDemographicsValidator : AbstractValidator<IPatientDemographics>
{
    /// <summary>No living patient was born before it: an earlier year is a typing slip (1800 for 1980, 0001 from an empty date).</summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    public PatientDemographicsValidator()
    {
        RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the given name.").SingleLine(Patient.NameMaxLength, "the given name");
        RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the family name.").SingleLine(Patient.NameMaxLength, "the family name");
        RuleFor(c => c.DateOfBirth).NotNull().WithMessage("Enter the date of birth.")
            .NotAfterClinicToday()
            .WithMessage("Date of birth cannot be in the future.")
            .GreaterThanOrEqualTo(EarliestDateOfBirth)
            .WithMessage("Date of birth must be in 1900 or later; check the year.");
        RuleFor(c => c.Sex).OneOf("the patient's sex");
        RuleFor(c => c.Phone).SingleLine(Patient.PhoneMaxLength, "the phone number");
        RuleFor(c => c.Email).SingleLine(Patient.EmailMaxLength, "the email address")
            .EmailAddress().WithMessage("Enter an email address like name@example.org.")
            .When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Occupation).SingleLine(Patient.OccupationMaxLength, "the occupation");
    }
}
