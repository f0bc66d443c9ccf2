using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// A questionnaire answered at a visit (FHIR QuestionnaireResponse): the answers as given and the
/// score the domain computed from them, stored so reports read the same number the note showed.
/// </summary>
public sealed class RecordedOutcome : ITenantOwned
{
    private RecordedOutcome()
    {
        Ratings = [];
        ActivityNames = [];
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid AssessmentId { get; private set; }

    public OutcomeMeasure Measure { get; private set; }

    /// <summary>The precise score (see <see cref="OutcomeResponse.Score"/>).</summary>
    public decimal Score { get; private set; }

    /// <summary>The answers in questionnaire order; null for an ODI section left blank.</summary>
    public IReadOnlyList<int?> Ratings { get; private set; }

    /// <summary>The activities the patient named, PSFS only (one per rating).</summary>
    public IReadOnlyList<string> ActivityNames { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Turns the stored answers back into the scored response; it scores the same, by construction,
    /// and a damaged row (a missing answer, unpaired names) fails loudly instead of reading as a low score.
    /// </summary>
    public OutcomeResponse ToResponse() => OutcomeScoring.Score(Measure, Ratings, ActivityNames);

    internal static RecordedOutcome From(Guid clinicId, Guid assessmentId, OutcomeResponse response, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (ratings, names) = response switch
        {
            NprsResponse nprs => (new List<int?> { nprs.Rating }, new List<string>()),
            LefsResponse lefs => ([.. lefs.Items.Select(i => (int?)i)], []),
            OdiResponse odi => ([.. odi.Sections], []),
            PsfsResponse psfs => ([.. psfs.Activities.Select(a => (int?)a.Rating)], [.. psfs.Activities.Select(a => a.Name)]),
            _ => throw new DomainException($"{response.Measure} is not a scored outcome measure."),
        };

        return new RecordedOutcome
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            AssessmentId = assessmentId,
            Measure = response.Measure,
            Score = response.Score,
            Ratings = ratings,
            ActivityNames = names,
            RecordedAt = at,
        };
    }
}
