using PtClinic.Application.Features.Patients;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>
/// Typo-tolerant patient name search. It needs PostgreSQL's trigram operators, which the
/// Application layer cannot name, so Infrastructure implements it.
/// </summary>
public interface IPatientSearch
{
    /// <summary>
    /// The patients of <paramref name="clinicId"/> whose name is like <paramref name="text"/>, best
    /// match first. The clinic is passed in, not implied: raw SQL bypasses the clinic query filters.
    /// </summary>
    Task<IReadOnlyList<PatientSearchHit>> FindByNameAsync(
        Guid clinicId, string text, int take, CancellationToken cancellationToken);
}
