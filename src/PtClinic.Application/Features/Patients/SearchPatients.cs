using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Patients;

/// <summary>
/// Finds the clinic's patients from what the front desk types: a name (typos tolerated: "Marsch"
/// finds Marsh), the start of a name, an MRN (exact, in any case; text with a digit is taken for
/// one) or a date of birth (yyyy-MM-dd or dd/MM/yyyy). Best match first.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk)]
public sealed record SearchPatientsQuery(string Text, int Take = 20) : IQuery<Result<IReadOnlyList<PatientSearchHit>>>;

/// <summary>A patient found; <see cref="Score"/> is 1 for an exact MRN, date of birth or name-prefix match.</summary>
public sealed record PatientSearchHit(Guid Id, string Mrn, string FullName, DateOnly DateOfBirth, double Score);

public sealed class SearchPatientsValidator : AbstractValidator<SearchPatientsQuery>
{
    /// <summary>One letter matches half the clinic: trigram search starts being useful at two.</summary>
    public const int TextMinLength = 2;
    public const int TextMaxLength = 100;
    public const int MaxTake = 100;

    public SearchPatientsValidator()
    {
        RuleFor(q => q.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Type a name, an MRN or a date of birth.")
            .Must(t => t.Trim().Length >= TextMinLength).WithMessage($"Type at least {TextMinLength} characters.")
            .SingleLine(TextMaxLength, "a search");
        RuleFor(q => q.Take).Between(1, MaxTake, "the number of results");
    }
}

public sealed class SearchPatientsHandler(IAppDbContext db, IPatientSearch names, ICurrentUser currentUser)
    : IQueryHandler<SearchPatientsQuery, Result<IReadOnlyList<PatientSearchHit>>>
{
    private static readonly string[] DateOfBirthFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>Beyond this many letters, only the typed, upper- and lower-case spellings are tried.</summary>
    private const int MaxMrnLettersToVary = 8;

    public async ValueTask<Result<IReadOnlyList<PatientSearchHit>>> Handle(
        SearchPatientsQuery query, CancellationToken cancellationToken)
    {
        var text = query.Text.Trim();
        if (DateOnly.TryParseExact(text, DateOfBirthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return Found(await ExactAsync(db.Patients.Where(p => p.DateOfBirth == born), query.Take, cancellationToken));
        }

        // Names have no digits and MRNs do (generated ones are "P001234"), so the text says which to
        // look for: a name never costs an MRN lookup, nor an MRN a trigram search.
        if (text.Any(char.IsDigit))
        {
            if (text.Length > Patient.MrnMaxLength)
            {
                return Found([]);
            }

            var spellings = MrnSpellings(text);
            return Found(await ExactAsync(db.Patients.Where(p => spellings.Contains(p.Mrn)), query.Take, cancellationToken));
        }

        return Found(await names.FindByNameAsync(currentUser.ClinicId!.Value, text, query.Take, cancellationToken));
    }

    private static Result<IReadOnlyList<PatientSearchHit>> Found(IReadOnlyList<PatientSearchHit> hits) =>
        Result<IReadOnlyList<PatientSearchHit>>.Success(hits);

    private static async Task<List<PatientSearchHit>> ExactAsync(
        IQueryable<Patient> patients, int take, CancellationToken cancellationToken) =>
        await patients
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Take(take)
            .Select(p => new PatientSearchHit(p.Id, p.Mrn, p.GivenName + " " + p.FamilyName, p.DateOfBirth, 1.0))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Every upper/lower-case spelling of <paramref name="text"/>. MRNs match in any case, but
    /// lower(mrn) = … cannot use the unique (clinic_id, mrn) index and reads the whole clinic; MRNs
    /// are mostly digits, so probing the index with each spelling is a handful of lookups.
    /// </summary>
    private static string[] MrnSpellings(string text)
    {
        if (text.Count(char.IsLetter) > MaxMrnLettersToVary)
        {
            return [.. new[] { text, text.ToUpperInvariant(), text.ToLowerInvariant() }.Distinct()];
        }

        List<string> spellings = [""];
        foreach (var c in text)
        {
            var (lower, upper) = (char.ToLowerInvariant(c), char.ToUpperInvariant(c));
            spellings = lower == upper
                ? [.. spellings.Select(s => s + c)]
                : [.. spellings.SelectMany(s => new[] { s + lower, s + upper })];
        }

        return [.. spellings];
    }
}
