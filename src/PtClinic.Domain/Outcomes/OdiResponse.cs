using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// ODI: 10 sections about low-back-pain disability, each 0 (no disability) to 5. The score is a
/// percentage of the points possible in the answered sections: total / (5 × answered) × 100.
/// </summary>
/// <remarks>
/// The published scoring lets the denominator shrink for unanswered sections (a patient who does not
/// drive skips "travelling"; many skip "sex life"). We allow at most <see cref="MaxUnansweredSections"/>:
/// with more gaps the percentage rests on too little of the questionnaire to compare against baseline.
/// </remarks>
public sealed class OdiResponse : OutcomeResponse
{
    public const int SectionCount = 10;
    public const int MaxSectionRating = 5;
    public const int MaxUnansweredSections = 1;

    private readonly int?[] _sections;

    private OdiResponse(int?[] sections) => _sections = sections;

    /// <summary>The section ratings in questionnaire order (section 1 first); null where the patient left it blank.</summary>
    public IReadOnlyList<int?> Sections => _sections;

    public int AnsweredSections => _sections.Count(s => s.HasValue);

    public override OutcomeMeasure Measure => OutcomeMeasure.Odi;

    /// <summary>Disability as a percentage, 0 to 100.</summary>
    public override decimal Score => (decimal)_sections.Sum(s => s ?? 0) / (MaxSectionRating * AnsweredSections) * 100;

    public static OdiResponse From(IReadOnlyList<int?> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count != SectionCount)
        {
            throw new DomainException($"ODI has {SectionCount} sections; {sections.Count} were given.");
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i] is < 0 or > MaxSectionRating)
            {
                throw new DomainException($"ODI section {i + 1} must be 0 to {MaxSectionRating}.");
            }
        }

        var unanswered = Enumerable.Range(1, SectionCount).Where(n => sections[n - 1] is null).ToList();
        if (unanswered.Count > MaxUnansweredSections)
        {
            throw new DomainException(
                $"ODI can be scored with at most {MaxUnansweredSections} section left blank; " +
                $"sections {string.Join(", ", unanswered)} are blank.");
        }

        return new OdiResponse([.. sections]);
    }
}
