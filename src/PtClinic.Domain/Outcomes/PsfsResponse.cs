using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>One activity the patient named for the PSFS ("climb stairs", "run 5 km") and how able they are to do it, 0 to 10.</summary>
public sealed record PsfsActivity(string Name, int Rating);

/// <summary>
/// PSFS: the patient names 3 to 5 activities they find hard and rates each from 0 (unable) to 10
/// (as before the problem). The score is the mean rating. The same activities should be re-rated at
/// follow-up; that pairing is the caller's job, since only the patient's wording identifies them.
/// </summary>
public sealed class PsfsResponse : OutcomeResponse
{
    public const int MinActivities = 3;
    public const int MaxActivities = 5;
    public const int MaxRating = 10;
    public const int ActivityNameMaxLength = 100;

    private readonly PsfsActivity[] _activities;

    private PsfsResponse(PsfsActivity[] activities) => _activities = activities;

    public IReadOnlyList<PsfsActivity> Activities => _activities;

    public override OutcomeMeasure Measure => OutcomeMeasure.Psfs;

    /// <summary>The precise mean (10/3 stays 3.333…); round only for display, so changes are not skewed by rounding twice.</summary>
    public override decimal Score => (decimal)_activities.Sum(a => a.Rating) / _activities.Length;

    public static PsfsResponse From(IReadOnlyList<PsfsActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count is < MinActivities or > MaxActivities)
        {
            throw new DomainException(
                $"PSFS needs {MinActivities} to {MaxActivities} activities; {activities.Count} were given.");
        }

        var checkedActivities = new PsfsActivity[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var number = i + 1;
            var name = Guard.Required(activities[i].Name, $"PSFS activity {number} name", ActivityNameMaxLength);
            if (activities[i].Rating is < 0 or > MaxRating)
            {
                throw new DomainException($"PSFS activity {number} ({name}) must be rated 0 to {MaxRating}.");
            }

            checkedActivities[i] = new PsfsActivity(name, activities[i].Rating);
        }

        return new PsfsResponse(checkedActivities);
    }
}
